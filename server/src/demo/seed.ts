import { sql } from 'drizzle-orm';
import type { Role } from '@santong/contract';
import type { Db } from '../db/client.js';
import { leaderDuties, people, positions, tenants, units, users } from '../db/schema/index.js';
import { hashPassword } from '../platform/auth/password.js';
import { appendAudit } from '../platform/audit/audit.repo.js';
import { systemActor } from '../platform/context.js';
import { personName, rng, titles } from './names.js';
import { seedPlan } from './plan/index.js';
import { personGrams } from '../modules/org/people.repo.js';

type UnitSeed = { code: string; name: string; short?: string; kind: string; parent?: string; pair?: string };

// The reference case, re-invented: a vocational college whose party committee
// runs the 三同 loop with four colleges and ten administrative departments.
const colleges = [
  ['JD', '机电工程学院', '机电学院'],
  ['XX', '信息工程学院', '信息学院'],
  ['JG', '经济管理学院', '经管学院'],
  ['YS', '艺术设计学院', '艺术学院'],
] as const;
const departments = [
  ['DZB', '党委办公室（校长办公室）', '党政办', 'department'],
  ['ZZB', '组织人事部', '组织人事部', 'department'],
  ['XCB', '宣传统战部', '宣传部', 'department'],
  ['JWC', '教务处', '教务处', 'department'],
  ['XGC', '学生工作处', '学工处', 'department'],
  ['KYC', '科研与产教融合处', '科研处', 'department'],
  ['CWC', '财务处', '财务处', 'department'],
  ['HQC', '后勤管理处', '后勤处', 'department'],
  ['JYZX', '现代教育技术中心', '教技中心', 'center'],
  ['TSG', '图书信息中心', '图书馆', 'center'],
] as const;

export function demoUnits(): UnitSeed[] {
  const list: UnitSeed[] = [{ code: 'DW', name: '中共南粤职业技术学院委员会', short: '党委', kind: 'committee' }];
  for (const [c, name, short] of colleges) {
    list.push({ code: `${c}-XY`, name, short, kind: 'college', pair: `${c}-ZZ` });
    list.push({ code: `${c}-ZZ`, name: `${short}党总支`, short: `${short}党总支`, kind: 'general_branch', parent: 'DW', pair: `${c}-XY` });
    list.push({ code: `${c}-JG`, name: `${short}教工党支部`, kind: 'branch', parent: `${c}-ZZ` });
    list.push({ code: `${c}-XS`, name: `${short}学生党支部`, kind: 'branch', parent: `${c}-ZZ` });
  }
  for (const [c, name, short, kind] of departments) {
    list.push({ code: c, name, short, kind, pair: `${c}-ZB` });
    list.push({ code: `${c}-ZB`, name: `${short}党支部`, kind: 'branch', parent: 'DW', pair: c });
  }
  return list;
}

const leaderPosts: { title: string; post: string; inCharge: string[]; linked: string[] }[] = [
  { title: '党委书记', post: 'secretary', inCharge: ['DZB', 'ZZB', 'XCB'], linked: ['JD-XY'] },
  { title: '党委副书记、校长', post: 'deputy_secretary', inCharge: ['CWC'], linked: ['XX-XY'] },
  { title: '党委副书记', post: 'deputy_secretary', inCharge: ['XGC'], linked: ['JG-XY'] },
  { title: '党委委员、副校长', post: 'committee_member', inCharge: ['JWC', 'KYC'], linked: ['JD-XY'] },
  { title: '党委委员、副校长', post: 'committee_member', inCharge: ['HQC', 'JYZX'], linked: ['YS-XY'] },
  { title: '党委委员、纪委书记', post: 'committee_member', inCharge: ['TSG'], linked: ['XX-XY'] },
];

const statuses = ['cpc_member', 'cpc_member', 'cpc_member', 'cpc_probationary', 'masses', 'masses', 'league_member', 'democratic_party'];

/** Creates the demo tenant on an empty database: org, people, leader duties and one user per role. */
export async function seedDemo(db: Db, password: string, opts: { filesDir?: string | null } = {}): Promise<string> {
  const next = rng(20230301);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ code: 'demo', name: '南粤职业技术学院（演示）' }).returning();
    const t = tenant.id;
    const seeds = demoUnits();
    const unitId = new Map<string, string>();
    let order = 0;
    for (const u of seeds) {
      const [row] = await tx
        .insert(units)
        .values({
          tenantId: t, code: u.code, name: u.name, shortName: u.short ?? null, kind: u.kind,
          track: ['committee', 'general_branch', 'branch'].includes(u.kind) ? 'party' : 'admin',
          parentId: u.parent ? unitId.get(u.parent)! : null, sortOrder: (order += 10),
        })
        .returning({ id: units.id });
      unitId.set(u.code, row.id);
    }
    for (const u of seeds) if (u.pair) await tx.update(units).set({ pairedUnitId: unitId.get(u.pair)! }).where(sql`id = ${unitId.get(u.code)!}`);

    let staffSeq = 1000;
    const personRows: (typeof people.$inferInsert & { key?: string })[] = [];
    const postRows: { staffNo: string; unit: string; role: string }[] = [];
    const used = new Set<string>();
    const addPerson = (unitCode: string, opts: { title?: string; status?: string; dual?: boolean; key?: string; roles?: [string, string][] } = {}) => {
      let name = personName(next);
      while (used.has(name)) name = personName(next);
      used.add(name);
      const staffNo = `T${++staffSeq}`;
      personRows.push({
        tenantId: t, staffNo, name, key: opts.key,
        gender: next() < 0.55 ? 'male' : 'female',
        title: opts.title ?? titles[Math.floor(next() * titles.length)],
        politicalStatus: opts.status ?? statuses[Math.floor(next() * statuses.length)],
        dualLeader: opts.dual ?? false,
        phone: `139${String(20000000 + Math.floor(next() * 9999999)).padStart(8, '0')}`,
        email: `${staffNo.toLowerCase()}@nanyue-demo.edu.cn`,
        unitId: unitId.get(unitCode)!,
      });
      for (const [u, role] of opts.roles ?? []) postRows.push({ staffNo, unit: u, role });
      return staffNo;
    };

    const leaderStaff = leaderPosts.map((l, i) => addPerson('DW', { title: l.title, status: 'cpc_member', key: i === 3 ? 'leader' : undefined, roles: [['DW', l.post]] }));
    for (const [c] of colleges) {
      addPerson(`${c}-XY`, { title: '院长、教授', status: 'cpc_member', dual: true, key: c === 'JD' ? 'unithead' : undefined, roles: [[`${c}-XY`, 'head'], [`${c}-ZZ`, 'committee_member']] });
      addPerson(`${c}-XY`, { title: '党总支书记、副教授', status: 'cpc_member', dual: true, roles: [[`${c}-ZZ`, 'secretary'], [`${c}-XY`, 'deputy_head']] });
      addPerson(`${c}-XY`, { title: '副院长', status: 'cpc_member', roles: [[`${c}-XY`, 'deputy_head']] });
      addPerson(`${c}-XY`, { title: '党总支副书记', status: 'cpc_member', roles: [[`${c}-ZZ`, 'deputy_secretary']] });
      addPerson(`${c}-XY`, { title: '党建组织员', status: 'cpc_member', key: c === 'JD' ? 'liaison' : undefined, roles: [[`${c}-XY`, 'liaison'], [`${c}-ZZ`, 'liaison']] });
      addPerson(`${c}-XY`, { title: '教研室主任、副教授', status: 'cpc_member', dual: true, roles: [[`${c}-JG`, 'secretary']] });
      addPerson(`${c}-XY`, { title: '辅导员', status: 'cpc_member', roles: [[`${c}-XS`, 'secretary']] });
      for (let i = 0; i < 16; i++) addPerson(`${c}-XY`, { key: c === 'XX' && i === 0 ? 'member' : undefined, roles: next() < 0.5 ? [[`${c}-JG`, 'member']] : [] });
    }
    for (const [c, , , kind] of departments) {
      addPerson(c, { title: kind === 'center' ? '主任' : '处长', status: 'cpc_member', roles: [[c, 'head'], [`${c}-ZB`, 'committee_member']] });
      addPerson(c, { title: kind === 'center' ? '副主任' : '副处长', status: 'cpc_member', roles: [[`${c}-ZB`, 'secretary'], [c, 'deputy_head']] });
      addPerson(c, { title: '科员', status: 'cpc_member', key: c === 'DZB' ? 'office' : c === 'ZZB' ? 'inspector' : undefined, roles: [[c, 'liaison']] });
      for (let i = 0; i < 4; i++) addPerson(c, { roles: [[`${c}-ZB`, 'member']] });
    }

    const inserted = await tx.insert(people).values(personRows.map(({ key: _k, ...p }) => ({ ...p, searchGrams: personGrams(p) }))).returning({ id: people.id, staffNo: people.staffNo });
    const personId = new Map(inserted.map((p) => [p.staffNo, p.id]));
    await tx.insert(positions).values(postRows.map((p) => ({ tenantId: t, personId: personId.get(p.staffNo)!, unitId: unitId.get(p.unit)!, role: p.role })));
    await tx.insert(leaderDuties).values(
      leaderPosts.flatMap((l, i) => [
        ...l.inCharge.map((u) => ({ tenantId: t, personId: personId.get(leaderStaff[i])!, unitId: unitId.get(u)!, kind: 'in_charge' })),
        ...l.linked.map((u) => ({ tenantId: t, personId: personId.get(leaderStaff[i])!, unitId: unitId.get(u)!, kind: 'linked' })),
      ]),
    );

    const keyed = new Map(personRows.filter((p) => p.key).map((p) => [p.key!, { id: personId.get(p.staffNo!)!, name: p.name! }]));
    const demoUsers: { username: string; role: Role; display: string }[] = [
      { username: 'admin', role: 'admin', display: '系统管理员' },
      { username: 'office', role: 'office', display: keyed.get('office')!.name },
      { username: 'leader', role: 'leader', display: keyed.get('leader')!.name },
      { username: 'unithead', role: 'unit_head', display: keyed.get('unithead')!.name },
      { username: 'liaison', role: 'liaison', display: keyed.get('liaison')!.name },
      { username: 'inspector', role: 'inspector', display: keyed.get('inspector')!.name },
      { username: 'member', role: 'member', display: keyed.get('member')!.name },
      { username: 'auditor', role: 'auditor', display: '审计管理员' },
      { username: 'security', role: 'security', display: '安全管理员' },
    ];
    const createdUsers = await tx.insert(users).values(
      demoUsers.map((u) => ({
        tenantId: t, username: u.username, displayName: u.display, roles: [u.role], passwordHash,
        personId: keyed.get(u.username)?.id ?? null, email: `${u.username}@demo.santong.example`,
      })),
    ).returning({ id: users.id, username: users.username });

    const staffByUnit = new Map<string, string[]>();
    const codeOf = new Map([...unitId].map(([code, id]) => [id, code]));
    for (const p of personRows) {
      const code = codeOf.get(p.unitId!)!;
      staffByUnit.set(code, [...(staffByUnit.get(code) ?? []), personId.get(p.staffNo!)!]);
    }
    await seedPlan({
      tx, tenantId: t, units: unitId, keyed, staffByUnit, next, filesDir: opts.filesDir ?? null,
      leaders: leaderStaff.map((s) => personId.get(s)!),
      officeUserId: createdUsers.find((u) => u.username === 'office')!.id,
    });
    await appendAudit(tx, systemActor(t), { action: 'seed', entity: 'tenant', entityId: t, after: { units: seeds.length, people: personRows.length } });
    return t;
  });
}

/** An empty installation: one tenant and an admin whose one-time password must be changed at first sign-in. */
export async function seedEmpty(db: Db, oneTimePassword: string): Promise<string> {
  const passwordHash = await hashPassword(oneTimePassword);
  return db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ code: 'default', name: '三同' }).returning();
    await tx.insert(users).values({ tenantId: tenant.id, username: 'admin', displayName: '系统管理员', roles: ['admin'], passwordHash, mustChangePassword: true });
    await appendAudit(tx, systemActor(tenant.id), { action: 'seed', entity: 'tenant', entityId: tenant.id });
    return tenant.id;
  });
}
