import type { LiveServer } from './server.js';
import { memoryOf, resetPeak } from './server.js';
import type { Session } from './load.js';

export interface ExportResult {
  status: number;
  /** the download was cut off at the time limit: seconds is then a lower bound */
  timedOut: boolean;
  seconds: number;
  bytes: number;
  rssBeforeMB: number;
  peakMB: number;
  growthMB: number;
}

/** Downloads one export while polling the server's RSS; peak = max(VmHWM after reset, polled VmRSS). */
export async function measureExport(server: LiveServer, path: string, session: Session, timeoutSeconds: number): Promise<ExportResult> {
  const pid = server.pid;
  const before = pid ? memoryOf(pid) : null;
  const canReset = pid ? resetPeak(pid) : false;
  let polled = before?.rss ?? 0;
  const timer = pid
    ? setInterval(() => {
        const m = memoryOf(pid);
        if (m) polled = Math.max(polled, m.rss);
      }, 25)
    : null;
  const t0 = performance.now();
  let bytes = 0;
  let status = 0;
  let timedOut = false;
  const abort = new AbortController();
  const limit = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutSeconds * 1000);
  try {
    const res = await fetch(server.baseUrl + path, { headers: { cookie: session.cookie }, signal: abort.signal });
    status = res.status;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
  } catch (err) {
    if (!timedOut) throw err;
  } finally {
    clearTimeout(limit);
    if (timer) clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = pid ? memoryOf(pid) : null;
  const peak = Math.max(polled, canReset && after ? after.hwm : 0);
  const base = before?.rss ?? 0;
  return { status, timedOut, seconds, bytes, rssBeforeMB: base, peakMB: peak, growthMB: pid ? Math.max(0, peak - base) : NaN };
}
