import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { rowsOf } from '../../access/scope.js';
import { readRobotSettings } from './settings.js';
import type { EmailPayload, RobotPayload } from './channels.js';

export interface DeliveryOptions {
  smtp: Config['smtp'];
  webhookTimeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** how long a claimed row stays invisible to other workers while it is being sent */
  leaseMs?: number;
  batch?: number;
}

interface DeliveryRow {
  id: string;
  tenant_id: string;
  channel: string;
  target: string;
  payload: unknown;
  attempts: number;
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Wait before attempt n+1 after n failed ones: base, 2×base, 4×base … capped at a day. */
export const backoffMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 86_400_000);

/**
 * Claims due rows for this worker: `for update skip locked` lets several
 * processes share the outbox; the claim pushes next_attempt_at forward (a
 * lease), so a worker that dies mid-send leaves the row to be retried later.
 */
async function claimDue(db: Db, now: Date, leaseMs: number, batch: number): Promise<DeliveryRow[]> {
  return rowsOf<DeliveryRow>(
    await db.execute(sql`
      update notification_deliveries d set attempts = d.attempts + 1, next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
      where d.id in (
        select id from notification_deliveries
        where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at, id limit ${batch}
        for update skip locked)
      returning d.id, d.tenant_id, d.channel, d.target, d.payload, d.attempts`),
  );
}

/** DingTalk's signed webhook address: timestamp + HMAC-SHA256(secret, "timestamp\nsecret"), base64, URL-encoded. */
export function dingtalkSignedUrl(url: string, secret: string | null, now = Date.now()): string {
  if (!secret) return url;
  const sign = crypto.createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  // both robots answer 200 with {errcode, errmsg}; errcode 0 is success
  let parsed: { errcode?: number; errmsg?: string } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    /* a non-JSON 200 counts as delivered */
  }
  if (parsed.errcode !== undefined && parsed.errcode !== 0) throw new Error(`robot error ${parsed.errcode}: ${parsed.errmsg ?? ''}`);
}

export class DeliveryWorker {
  private transport: Transporter | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: DeliveryOptions,
    private readonly log?: Log,
  ) {}

  private async mailer(): Promise<Transporter> {
    const s = this.opts.smtp;
    if (!s.host) throw new Error('SMTP is not configured (SMTP_HOST)');
    if (this.transport) return this.transport;
    const { default: nodemailer } = await import('nodemailer'); // on the first e-mail, not at server start
    this.transport ??= nodemailer.createTransport({
      host: s.host, port: s.port, secure: s.secure, auth: s.user ? { user: s.user, pass: s.pass ?? '' } : undefined,
      ignoreTLS: !s.secure && !s.user, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    });
    return this.transport;
  }

  private async send(row: DeliveryRow): Promise<void> {
    if (row.channel === 'email') {
      const p = row.payload as EmailPayload;
      await (await this.mailer()).sendMail({ from: this.opts.smtp.from, to: row.target, subject: p.subject, text: p.text });
      return;
    }
    const p = row.payload as RobotPayload;
    if (row.channel === 'dingtalk') {
      const { dingtalk } = await readRobotSettings(this.db, row.tenant_id);
      await postJson(dingtalkSignedUrl(row.target, dingtalk.secret), { msgtype: 'markdown', markdown: { title: p.title, text: p.markdown } }, this.opts.webhookTimeoutMs);
      return;
    }
    if (row.channel === 'wecom') {
      await postJson(row.target, { msgtype: 'markdown', markdown: { content: p.markdown } }, this.opts.webhookTimeoutMs);
      return;
    }
    throw new Error(`unknown channel ${row.channel}`);
  }

  private async settle(row: DeliveryRow, now: Date, err: unknown): Promise<void> {
    if (!err) {
      await this.db.execute(sql`update notification_deliveries set status = 'sent', sent_at = now(), last_error = null where id = ${row.id}`);
      return;
    }
    const message = (err as Error)?.message?.slice(0, 500) || String(err);
    const giveUp = row.attempts >= this.opts.maxAttempts;
    const next = new Date(now.getTime() + backoffMs(row.attempts, this.opts.retryBaseMs));
    await this.db.execute(sql`
      update notification_deliveries set last_error = ${message}, status = ${giveUp ? 'failed' : 'pending'}, next_attempt_at = ${next.toISOString()}::timestamptz
      where id = ${row.id}`);
    (giveUp ? this.log?.error : this.log?.warn)?.call(this.log, { delivery: row.id, channel: row.channel, attempts: row.attempts, err: message }, giveUp ? 'notification delivery failed, giving up' : 'notification delivery failed, will retry');
  }

  /** Sends everything due at `now` once; returns how many were sent and how many failed. */
  async runOnce(now = new Date()): Promise<{ sent: number; failed: number }> {
    const rows = await claimDue(this.db, now, this.opts.leaseMs ?? 5 * 60_000, this.opts.batch ?? 20);
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      let error: unknown = null;
      try {
        await this.send(row);
        sent++;
      } catch (err) {
        error = err ?? new Error('failed');
        failed++;
      }
      await this.settle(row, now, error);
    }
    return { sent, failed };
  }

  close() {
    this.transport?.close();
    this.transport = null;
  }
}

export const deliveryOptions = (cfg: Config): DeliveryOptions => ({ smtp: cfg.smtp, ...cfg.notify });

/**
 * Runs the worker every intervalMs in the background (unref'd: it never keeps
 * the process alive), one run at a time; errors are logged, never thrown.
 */
export function startDeliveryWorker(db: Db, cfg: Config, log: Log): () => void {
  const worker = new DeliveryWorker(db, deliveryOptions(cfg), log);
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (let round = 0; round < 10; round++) {
        const r = await worker.runOnce();
        if (r.sent + r.failed === 0 || stopped) break;
      }
    } catch (err) {
      log.error({ err }, 'notification delivery tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), cfg.notify.intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    worker.close();
  };
}
