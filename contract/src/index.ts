export * from './errors.js';
export * from './common.js';
export * from './permissions.js';
export * from './auth.js';
export * from './org.js';
export * from './admin.js';
