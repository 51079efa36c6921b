export * from './errors';
export * from './primitives';
export * from './terminal';
export * from './members';
export * from './sales';
export * from './rewards';
export * from './contract';
export * from './api';
