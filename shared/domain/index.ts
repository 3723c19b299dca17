export * from './ids';
export * from './findings';
export * from './registry';
export * from './registry-schema';
export * from './working-days';
