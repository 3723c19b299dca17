export * from './sample-office';
