import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPostgres, runMigrations } from '../../src/db/client.js';
import { seedDemo } from '../../src/demo/seed.js';
import { findPgBin, startCluster, stopCluster } from '../../../scripts/pg-cluster.mjs';
import { DEMO_PASSWORD, type TemplateKind } from './constants.js';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * PostgreSQL for the int-pg project: TEST_DATABASE_URL when set (a database
 * whose user may CREATE DATABASE), else a throwaway cluster from the local
 * PostgreSQL binaries. Builds two template databases (empty and demo) that each
 * test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  let adminUrl = process.env.TEST_DATABASE_URL || '';
  let cluster: { dir: string; url: string } | null = null;
  if (!adminUrl) {
    const bin = findPgBin();
    if (!bin) {
      console.log(`[${project.name}] PostgreSQL: not available — skipped (set TEST_DATABASE_URL or install PostgreSQL 15)`);
      project.provide('pg', null);
      return;
    }
    cluster = await startCluster({ bin });
    adminUrl = cluster!.url;
    // Should vitest die before teardown, do not leave a postgres running.
    const dir = cluster!.dir;
    process.once('exit', () => stopCluster(dir));
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const templates: Record<TemplateKind, string> = { empty: `santong_tpl_empty_${suffix}`, demo: `santong_tpl_demo_${suffix}` };
  const dropAll = async () => {
    await admin(adminUrl, async (c) => {
      // Test databases of this run that a crashed worker left behind, then the templates.
      const left = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`santong_t_${process.pid}_%`]);
      for (const { datname } of left.rows) await c.query(`drop database if exists "${datname}" with (force)`);
      for (const t of Object.values(templates)) await c.query(`drop database if exists "${t}" with (force)`);
    });
  };
  try {
    await admin(adminUrl, async (c) => {
      for (const t of Object.values(templates)) await c.query(`create database "${t}" encoding 'UTF8' template template0`);
    });
    for (const kind of ['empty', 'demo'] as const) {
      const database = await openPostgres(withDatabase(adminUrl, templates[kind]), { max: 2 });
      try {
        await runMigrations(database);
        if (kind === 'demo') await seedDemo(database.db, DEMO_PASSWORD);
      } finally {
        await database.close();
      }
    }
  } catch (err) {
    await dropAll().catch(() => {});
    if (cluster) stopCluster(cluster.dir);
    throw err;
  }
  const source = cluster ? 'throwaway cluster' : 'TEST_DATABASE_URL';
  project.provide('pg', { adminUrl, templates, source });
  console.log(`[${project.name}] PostgreSQL (${source}) templates ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return async () => {
    try {
      await dropAll();
    } finally {
      if (cluster) stopCluster(cluster.dir);
    }
  };
}
