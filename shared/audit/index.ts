export * from './canonical-json';
export * from './chain';
export * from './sha256';
export * from './timestamp';
