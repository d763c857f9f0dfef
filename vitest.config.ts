import { defineConfig } from 'vitest/config';

/**
 * Test tiers (see scripts/test.mjs, which runs them in this order):
 *   unit        pure functions next to the code
 *   int-pglite  route + service tests on embedded PGlite (one database per file, loaded from a template)
 *   int-pg      the same files on PostgreSQL (one database per file, CREATE DATABASE … TEMPLATE)
 *   e2e         browser tests against a built web app, one file at a time
 */
const integration = (name: string, kind: 'pglite' | 'postgres', groupOrder: number) => ({
  test: {
    name,
    include: ['server/test/integration/**/*.test.ts'],
    env: { DB_KIND: kind },
    globalSetup: [kind === 'pglite' ? './server/test/setup/global-pglite.ts' : './server/test/setup/global-pg.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
    maxWorkers: 2,
    // Each file builds its own app on its own database, so files can share a
    // worker's module cache: importing the server once per worker instead of
    // once per file saves most of the suite's start-up time.
    isolate: false,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'contract/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          pool: 'threads',
          sequence: { groupOrder: 0 },
        },
      },
      integration('int-pglite', 'pglite', 1),
      integration('int-pg', 'postgres', 2),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // one real server (the built server/dist/main.js, fresh PGlite dir) shared by every e2e file
          globalSetup: ['./e2e/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 3 },
        },
      },
      {
        // Process-level proofs (crash, lock, several servers, backup, fuzz): real server processes, one file at a time.
        test: {
          name: 'reliability',
          include: ['server/test/reliability/**/*.test.ts'],
          globalSetup: ['./server/test/setup/global-pglite.ts', './server/test/setup/global-pg.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
