import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, runMigrations } from '../../src/db/client.js';
import { seedDemo } from '../../src/demo/seed.js';
import { DEMO_PASSWORD, REPO_ROOT, TMP_DIR, type TemplateKind } from './constants.js';

/**
 * A key for everything a template depends on: migrations, server and contract
 * sources (the seeders import them), the PGlite version, and today's date
 * (seeders may place dates relative to today).
 */
function templateKey(): string {
  const h = crypto.createHash('sha256');
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts')) h.update(p).update(fs.readFileSync(p));
    }
  };
  for (const d of ['server/drizzle', 'server/src', 'contract/src']) walk(path.join(REPO_ROOT, d));
  h.update(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  h.update(new Date().toISOString().slice(0, 10));
  h.update(DEMO_PASSWORD);
  return h.digest('hex').slice(0, 16);
}

const writeAtomically = (file: string, data: Buffer) => {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
};

/**
 * Opening, migrating and seeding an embedded database takes seconds; do it once
 * and let every test file load the dumped data dir (about a second). Two
 * templates: migrated + empty (first-run paths) and migrated + demo tenant.
 * They are kept in .tmp/test-templates keyed by the sources they came from, so
 * a rerun with unchanged server code skips building them
 * (SANTONG_TEST_TEMPLATE_CACHE=0 always rebuilds).
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = path.join(TMP_DIR, 'test-templates');
  fs.mkdirSync(dir, { recursive: true });
  const k = templateKey();
  const files: Record<TemplateKind, string> = { empty: path.join(dir, `pglite-empty-${k}.tar.gz`), demo: path.join(dir, `pglite-demo-${k}.tar.gz`) };
  const useCache = process.env.SANTONG_TEST_TEMPLATE_CACHE !== '0';

  // Templates from other sources older than a day are of no further use.
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (!Object.values(files).includes(p) && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { force: true });
  }

  if (useCache && Object.values(files).every((f) => fs.existsSync(f))) {
    console.log(`[${project.name}] PGlite templates reused (${k})`);
  } else {
    const database = await openPglite(null);
    try {
      await runMigrations(database);
      writeAtomically(files.empty, Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer()));
      await seedDemo(database.db, DEMO_PASSWORD);
      writeAtomically(files.demo, Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer()));
    } finally {
      await database.close();
    }
    console.log(`[${project.name}] PGlite templates built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  project.provide('pgliteTemplates', files);
}
