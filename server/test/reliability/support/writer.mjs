/**
 * The crash test's writer: signs in as office and creates units and people
 * through the API as fast as it can (a few requests in flight at once),
 * printing `ACK <kind> <id>` for every write the server acknowledged with 201.
 * It is killed together with the server; every ACK line it printed must
 * survive the crash. Plain JavaScript: it starts in milliseconds, alongside
 * the server it waits for.
 *
 *   node writer.mjs <baseUrl> <homeUnitId> <tag>
 */
const [base, homeUnitId, tag] = process.argv.slice(2);
const LANES = 4;
const password = process.env.DEMO_PASSWORD || 'Santong@2026';
let cookie = '';
let csrf = '';

async function post(path, body) {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}) };
  const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, res, text: await res.text() };
}

/** The server may still be starting: retry until it answers. */
async function signIn() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const r = await post('/api/v1/auth/login', { username: 'office', password });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
      cookie = r.res.headers.getSetCookie().find((c) => c.startsWith('st_session=')).split(';')[0];
      csrf = JSON.parse(r.text).csrfToken;
      return;
    } catch (err) {
      if (Date.now() > deadline || !/fetch failed/.test(err.message)) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function lane(laneNo) {
  for (let i = 0; ; i++) {
    const n = `${tag}-${laneNo}-${i}`;
    const isUnit = i % 2 === 0;
    const r = isUnit
      ? await post('/api/v1/units', { kind: 'branch', name: `崩溃测试支部${n}`, code: `CR-${n}`, parentId: homeUnitId })
      : await post('/api/v1/people', { staffNo: `CR-${n}`, name: `测试${n}`, politicalStatus: 'cpc_member', unitId: homeUnitId });
    if (r.status === 201) process.stdout.write(`ACK ${isUnit ? 'unit' : 'person'} ${JSON.parse(r.text).id}\n`);
    else process.stdout.write(`ERR ${r.status} ${r.text.slice(0, 200)}\n`);
  }
}

try {
  await signIn();
  process.stdout.write('READY\n');
  await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k)));
} catch (err) {
  // The server going away mid-request is the point of the test: just stop.
  process.stdout.write(`STOP ${err.message}\n`);
}
