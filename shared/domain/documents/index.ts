export * from './model';
export * from './document-schema';
export * from './signing';
export * from './incoming';
export * from './necessity';
export * from './deadlines';
export * from './numbering';
export * from './steps';
