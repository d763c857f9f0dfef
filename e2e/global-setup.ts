import type { TestProject } from 'vitest/node';
import { startServer } from './server.js';

/**
 * One real server for all browser test files (a first start seeds the demo
 * tenant, which costs tens of seconds). Files run one at a time and use unique
 * names, so they never depend on each other's writes.
 */
export default async function setup(project: TestProject) {
  // a server you already run (debugging the tests): E2E_BASE_URL=http://127.0.0.1:3000
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    return;
  }
  const started = Date.now();
  const server = await startServer();
  console.log(`e2e: server ready at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('e2eBaseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}
