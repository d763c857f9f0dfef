import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, Db } from './client.js';

/**
 * Read routing with a streaming-replication standby (DATABASE_REPLICA_URL).
 * Read-heavy endpoints (cockpit, exports, search) ask `req.readDb()` for their
 * database. A successful write answers with a cookie holding the primary's
 * WAL position after it; a later read goes to the standby only once the
 * standby has replayed that far, so users always see their own writes, on
 * any server process. Without a cookie (no recent write) the standby serves;
 * if the standby fails, the primary does.
 */
export const LSN_COOKIE = 'st_lsn';
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;

declare module 'fastify' {
  interface FastifyRequest {
    readDb(): Promise<Db>;
  }
}

/** Whether the standby has replayed up to `lsn` (any position when null). */
async function standbyCaughtUp(replica: Database, lsn: string | null): Promise<boolean> {
  const rows = await replica.query(
    'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, not pg_is_in_recovery()) as ok',
    [lsn ?? '0/0'],
  );
  return rows[0]?.ok === true;
}

export function registerReadRouting(app: FastifyInstance, database: Database) {
  const { replica } = database;
  app.decorateRequest('readDb', async function (this: FastifyRequest) {
    if (!replica) return database.db;
    const raw = this.cookies?.[LSN_COOKIE];
    const lsn = raw && LSN.test(raw) ? raw : null;
    try {
      if (await standbyCaughtUp(replica, lsn)) return replica.db;
    } catch (err) {
      this.log.warn({ err }, 'replica unavailable: reading from the primary');
    }
    return database.db;
  });
  if (!replica) return;
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD' || reply.statusCode >= 400 || !req.ctx) return payload;
    const rows = await database.query('select pg_current_wal_lsn()::text as lsn');
    reply.setCookie(LSN_COOKIE, String(rows[0].lsn), { httpOnly: true, sameSite: 'lax', path: '/' });
    return payload;
  });
}
