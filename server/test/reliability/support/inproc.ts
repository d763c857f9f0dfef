import { openPostgres } from '../../../src/db/client.js';
import { buildTestApp, type TestApp } from '../../setup/db.js';
import { pgDatabase, type Engine } from './engines.js';

/**
 * The whole app in this process (app.inject) on the engine asked for: the
 * integration helpers pick the engine per vitest project, these tests want both.
 */
export async function appOn(engine: Engine): Promise<TestApp> {
  if (engine === 'pglite') return buildTestApp();
  const pgdb = await pgDatabase('demo');
  const database = await openPostgres(pgdb.url, { max: 10 });
  // Dropping the database (with force) may reach a connection the pool is still closing.
  database.pool!.on('error', () => {});
  const t = await buildTestApp({ database });
  const closeApp = t.close;
  t.close = async () => {
    await closeApp();
    await database.close();
    await pgdb.drop();
  };
  return t;
}
