export * from './platform.js';
export * from './org.js';
export * from './plan.js';
export * from './execute.js';
export * from './assess.js';
