import crypto from 'node:crypto';
import type { ScopeCtx, Target } from './harness.js';

/** Shared fixtures of the plan group's case files, looked up once per matrix run. */
export function planRefs(c: ScopeCtx) {
  let campaign: Promise<string> | null = null;
  const people: Partial<Record<Target, Promise<string>>> = {};
  const demoPeople = () => Object.values(c.sessions).map((s) => s.user.personId).filter((p): p is string => !!p);
  return {
    /** The campaign under way (latest start), for tasks. */
    campaignId: () =>
      (campaign ??= c.t.sql<{ id: string }>("select id from campaigns where status = 'active' order by start_date desc limit 1").then((r) => r[0].id)),
    /** A person of the target's college who is none of the demo users (so naming them puts nothing in a demo user's own scope). */
    person: (target: Target) =>
      (people[target] ??= c.t
        .sql<{ id: string }>('select id from people where unit_id = $1 and not (id = any($2::uuid[])) order by staff_no limit 1', [c.college(target), `{${demoPeople().join(',')}}`])
        .then((r) => r[0].id)),
    memberPerson: () => c.sessions.member.user.personId!,
    /** The multipart body of a small text file for a record of a feature, as a browser sends it. */
    uploadBody: (entity: string, entityId: string) => uploadBody(c, entity, entityId),
    /** A small text file uploaded as the office to a record of a feature. */
    upload: async (entity: string, entityId: string) => {
      const { payload, contentType } = uploadBody(c, entity, entityId);
      const res = await c.t.app.inject({ method: 'POST', url: '/api/v1/attachments', payload, headers: { ...c.sessions.office.headers, 'content-type': contentType } });
      if (res.statusCode !== 201) throw new Error(`fixture upload to ${entity}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { id: string };
    },
  };
}

function uploadBody(c: ScopeCtx, entity: string, entityId: string) {
  const boundary = `----pm${crypto.randomBytes(8).toString('hex')}`;
  const field = (k: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(field('entity', entity) + field('entityId', entityId), 'utf8'),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="矩阵附件.txt"\r\nContent-Type: text/plain\r\n\r\n`, 'utf8'),
    Buffer.from(`权限矩阵附件 ${c.uniq()}\n`, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
