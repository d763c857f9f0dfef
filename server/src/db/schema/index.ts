export * from './platform.js';
export * from './org.js';
