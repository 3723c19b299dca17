export * from './contract';
export * from './schemas';
export * from './backup-file';
export * from './backup-rotation';
export * from './bundled-fonts';
