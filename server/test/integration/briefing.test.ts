import { afterAll, beforeAll, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { todayIn } from '../../src/modules/tasks/task.rules.js';
import { buildTestApp, call, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { buildFixture, type Fixture, type UnitCode } from './cockpit.fixture.js';
import { expected } from './cockpit.expected.js';

/** Paragraph texts of word/document.xml, with the style of each (Heading1 …). */
async function readDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  }));
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  const images = await Promise.all(media.map((f) => zip.file(f)!.async('nodebuffer')));
  return { paragraphs, text: paragraphs.map((p) => p.text).join('\n'), media, images };
}

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

describeDb('briefing', () => {
  let t: TestApp;
  let fx: Fixture;
  let s: Record<'office' | 'leader' | 'liaison', Session>;
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await buildFixture(t);
    s = {
      office: await login(t.app, fx.users.office, undefined, fx.tenantCode),
      leader: await login(t.app, fx.users.leader, undefined, fx.tenantCode),
      liaison: await login(t.app, fx.users.liaison, undefined, fx.tenantCode),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const download = async (who: Session, ext: 'docx' | 'xlsx', qs = `campaignId=${fx.campaignId}`) => {
    const res = await call(t.app, who, 'GET', `/api/v1/briefing.${ext}?${qs}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`filename\\*=UTF-8''.*\\.${ext}`));
    return res.rawPayload;
  };

  it('the .docx has the four sections, the counts in sentences and a chart image', async () => {
    const doc = await readDocx(await download(s.office, 'docx'));
    const headings = doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    for (const name of ['同部署', '同落实', '同考核', '成效']) expect(headings.some((h) => h.includes(name)), name).toBe(true);
    const e = expected(fx, { units: 'all', leader: false }, {}, today);
    expect(doc.text).toContain(`本期共部署任务${e.fusion.total}项，其中党建与业务融合任务${e.fusion.fused}项，融合率${pct(e.fusion.ratio)}`);
    expect(doc.text).toContain(`已完成${e.tasks.byStatus.done ?? 0}项、进行中${e.tasks.byStatus.in_progress ?? 0}项、未开始${e.tasks.byStatus.planned ?? 0}项`);
    expect(doc.text).toContain(`红灯${e.tasks.rag.red ?? 0}项、黄灯${e.tasks.rag.amber ?? 0}项、绿灯${e.tasks.rag.green ?? 0}项`);
    expect(doc.text).toContain(`开展日常督导检查${e.supervision.total}次，通过${e.supervision.pass}次`);
    expect(doc.text).toContain(`督办事项${e.followUps.total}项，已办结${e.followUps.closed}项，尚在办理${e.followUps.open}项，其中逾期${e.followUps.overdue}项`);
    expect(doc.text).toContain(`本期共取得各类成果${e.outcomes.total}项`);
    expect(doc.text).toContain(`讲授专题党课${e.lectures.held}场次`);
    expect(doc.text).toContain(`在中国教育报刊发报道${e.outcomes.media['中国教育报'].count}篇`);
    expect(doc.text).toContain('排名前列的单位为：B单位、A单位、C单位');
    // a table row of the ranking, and the chart as a PNG part
    expect(doc.text).toContain('93.50');
    expect(doc.media.length).toBeGreaterThanOrEqual(1);
    for (const png of doc.images) {
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('a leader’s briefing states the figures of their duty units only', async () => {
    const doc = await readDocx(await download(s.leader, 'docx'));
    const e = expected(fx, { units: new Set<UnitCode>(['A', 'A1', 'AP']), leader: true }, {}, today);
    expect(doc.text).toContain(`本期共部署任务${e.fusion.total}项，其中党建与业务融合任务${e.fusion.fused}项`);
    expect(doc.text).toContain(`本期共取得各类成果${e.outcomes.total}项`);
    expect(doc.text).not.toContain('B单位');
  });

  it('the .xlsx statistics sheet opens and holds the figures under a merged title', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(s.office, 'xlsx', `campaignId=${fx.campaignId}&from=2026-04-01&to=2026-10-31`)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('统计表');
    expect(String(ws.getCell('A1').value)).toContain('统计表');
    expect(ws.getCell('F1').isMerged).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('2026年4月1日至2026年10月31日');
    const e = expected(fx, { units: 'all', leader: false }, { from: '2026-04-01', to: '2026-10-31' }, today);
    const valueAfter = (label: string) => {
      let found: unknown;
      ws.eachRow((row) => {
        row.eachCell((cell, col) => {
          if (cell.value === label) found = row.getCell(col + 1).value;
        });
      });
      return found;
    };
    expect(valueAfter('部署任务（项）')).toBe(e.fusion.total);
    expect(valueAfter('融合任务（项）')).toBe(e.fusion.fused);
    expect(valueAfter('成果总数（项）')).toBe(e.outcomes.total);
    expect(valueAfter('督导检查（次）')).toBe(e.supervision.total);
    expect(valueAfter('逾期（项）')).toBe(e.followUps.overdue);
    expect(valueAfter('媒体报道（篇）')).toBe(e.outcomes.byKind.media_report ?? 0);
  });

  it('bad input and permissions: the error shape, never a 500', async () => {
    for (const ext of ['docx', 'xlsx']) {
      expectError(await call(t.app, s.office, 'GET', `/api/v1/briefing.${ext}`), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', `/api/v1/briefing.${ext}?campaignId=${fx.campaignId}&from=2026-09-01&to=2026-08-01`), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', `/api/v1/briefing.${ext}?campaignId=${fx.otherCampaignId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`), 404, 'CAMPAIGN_NOT_FOUND');
      expectError(await call(t.app, s.liaison, 'GET', `/api/v1/briefing.${ext}?campaignId=${fx.campaignId}`), 403);
    }
  });

  it('the demo tenant’s briefing states the reference case’s media figures (S15)', async () => {
    const office = await login(t.app, 'office');
    const [camp] = await t.sql<{ id: string }>("select c.id from campaigns c join tenants t on t.id = c.tenant_id where t.code = 'demo' order by c.start_date desc limit 1");
    const doc = await readDocx(await download(office, 'docx', `campaignId=${camp.id}`));
    expect(doc.text).toMatch(/在中国教育报刊发报道3篇，在省委教育工委工作简报刊发报道5篇，在[^，。]+等中央和省级媒体刊发报道29篇/);
    expect(doc.text).toContain('创新案例46个');
  });
});
