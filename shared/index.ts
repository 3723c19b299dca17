// The public surface of shared/: each area owns its own index.
export * from './calendar';
export * from './domain';
export * from './ipc';
