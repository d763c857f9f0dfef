import { leaderDuties, people, positions, tenants, units, users } from '../../server/src/db/schema/index.js';
import { personName, titles } from '../../server/src/demo/names.js';
import { grams } from '../../server/src/platform/search/grams.js';
import { insertBatched } from './batch.js';
import type { PersonRef, TenantRefs, UnitRef } from './refs.js';

const collegeNames = ['机电工程', '信息工程', '经济管理', '艺术设计', '建筑工程', '汽车工程', '护理', '外国语', '旅游管理', '食品药品', '化学工程', '材料工程', '交通运输', '体育', '马克思主义', '继续教育'];
const deptNames = ['党委办公室', '组织人事部', '宣传统战部', '教务处', '学生工作处', '科研处', '财务处', '后勤管理处', '国际交流处', '招生就业处', '审计处', '保卫处', '质量管理办公室', '发展规划处'];
const centerNames = ['现代教育技术中心', '图书信息中心', '实训中心', '心理健康教育中心', '创新创业中心'];

/** Picks a display name from a list, numbering the second round onwards (机电工程学院二部…). */
const nth = (list: string[], i: number, suffix: string) => `${list[i % list.length]}${suffix}${i >= list.length ? `（${Math.floor(i / list.length) + 1}）` : ''}`;

export async function genTenant(t: TenantRefs): Promise<number> {
  await t.db.insert(tenants).values({ id: t.tenantId, code: t.code, name: `基准测试学院 ${t.code}`, createdAt: new Date(`${t.today}T00:00:00Z`) });
  return 1;
}

/**
 * The two-track org of a college: a party committee; colleges paired with a
 * general branch holding a teachers' and a students' branch; departments and
 * centres paired with a branch. Filled up to exactly spec.units.
 */
export async function genUnits(t: TenantRefs): Promise<number> {
  const { r } = t;
  const list: UnitRef[] = [];
  const pairs: [string, string][] = [];
  const add = (u: Omit<UnitRef, 'id' | 'code'>, prefix: string) => {
    const ref = { ...u, id: r.uuid(), code: `${prefix}${String(list.length + 1).padStart(4, '0')}` };
    list.push(ref);
    return ref;
  };
  const dw = add({ name: '中共基准职业技术学院委员会', short: '党委', kind: 'committee', track: 'party', parentId: null }, 'DW');
  let colleges = 0, depts = 0, centers = 0;
  const generalBranches: UnitRef[] = [];
  while (list.length < t.spec.units) {
    const left = t.spec.units - list.length;
    if (left >= 4 && colleges <= depts) {
      const name = nth(collegeNames, colleges++, '学院');
      const college = add({ name, short: name.replace('学院', '院'), kind: 'college', track: 'admin', parentId: null }, 'XY');
      const zz = add({ name: `${name}党总支`, short: `${college.short}党总支`, kind: 'general_branch', track: 'party', parentId: dw.id }, 'ZZ');
      add({ name: `${name}教工党支部`, short: '教工支部', kind: 'branch', track: 'party', parentId: zz.id }, 'ZB');
      add({ name: `${name}学生党支部`, short: '学生支部', kind: 'branch', track: 'party', parentId: zz.id }, 'ZB');
      pairs.push([college.id, zz.id]);
      generalBranches.push(zz);
    } else if (left >= 2) {
      const center = depts % 4 === 3;
      const name = center ? nth(centerNames, centers++, '') : nth(deptNames, depts, '');
      depts++;
      const unit = add({ name, short: name.slice(0, 6), kind: center ? 'center' : 'department', track: 'admin', parentId: null }, center ? 'ZX' : 'CS');
      const zb = add({ name: `${name}党支部`, short: `${unit.short}支部`, kind: 'branch', track: 'party', parentId: dw.id }, 'ZB');
      pairs.push([unit.id, zb.id]);
    } else {
      const parent = generalBranches.length ? r.pick(generalBranches) : dw;
      add({ name: `${parent.name}第${list.length}党支部`, short: `第${list.length}支部`, kind: 'branch', track: 'party', parentId: parent.id }, 'ZB');
    }
  }
  const pairOf = new Map(pairs.flatMap(([a, b]) => [[a, b], [b, a]] as const));
  t.units = list;
  return insertBatched(t.db, units, list.map((u, i) => ({
    id: u.id, tenantId: t.tenantId, parentId: u.parentId, track: u.track, kind: u.kind, name: u.name, shortName: u.short,
    code: u.code, pairedUnitId: pairOf.get(u.id) ?? null, sortOrder: (i + 1) * 10,
  })));
}

const statuses = [['cpc_member', 5], ['cpc_probationary', 1], ['masses', 3], ['league_member', 1], ['democratic_party', 0.3]] as const;

/** People sit in the admin-track units (colleges twice as big as departments); the first six are the school leaders. */
export async function genPeople(t: TenantRefs): Promise<number> {
  const { r } = t;
  const home = t.units.filter((u) => u.track === 'admin').flatMap((u) => (u.kind === 'college' ? [u, u] : [u]));
  const dw = t.units[0];
  const list: (PersonRef & { staffNo: string; title: string; status: string })[] = [];
  for (let i = 0; i < t.spec.people; i++) {
    const leader = i < 6;
    list.push({
      id: r.uuid(), name: personName(r.next), unitId: leader ? dw.id : r.pick(home).id, staffNo: `B${String(i + 1).padStart(6, '0')}`,
      title: leader ? ['党委书记', '党委副书记、校长', '党委副书记', '党委委员、副校长', '党委委员、副校长', '党委委员、纪委书记'][i] : r.pick(titles),
      status: leader ? 'cpc_member' : r.weighted(statuses),
    });
  }
  t.people = list;
  t.leaders = list.slice(0, 6).map((p) => p.id);
  const firstCollege = t.units.find((u) => u.kind === 'college')!;
  const depts = t.units.filter((u) => u.kind === 'department');
  const inUnit = (unitId: string, skip = 0) => list.filter((p, i) => i >= 6 && p.unitId === unitId)[skip]?.id ?? list[6 + skip].id;
  t.keyed = new Map([
    ['leader', t.leaders[3]],
    ['unithead', inUnit(firstCollege.id, 0)],
    ['liaison', inUnit(firstCollege.id, 1)],
    ['member', inUnit(firstCollege.id, 2)],
    ['office', inUnit(depts[0].id, 0)],
    ['inspector', inUnit((depts[1] ?? depts[0]).id, 1)],
  ]);
  return insertBatched(t.db, people, list.map((p) => ({
    id: p.id, tenantId: t.tenantId, staffNo: p.staffNo, name: p.name, gender: r.chance(0.55) ? 'male' : 'female', title: p.title,
    politicalStatus: p.status, dualLeader: r.chance(0.05), phone: `139${String(r.int(10_000_000, 99_999_999))}`,
    email: `${p.staffNo.toLowerCase()}@bench.edu.cn`, unitId: p.unitId, searchGrams: grams(p.name, p.staffNo, p.title),
  })));
}

/** Heads and liaisons of every admin unit, secretaries of every party unit, and branch members. */
export async function genPositions(t: TenantRefs): Promise<number> {
  const { r } = t;
  const byUnit = new Map<string, string[]>();
  for (const p of t.people.slice(6)) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p.id]);
  const paired = new Map<string, UnitRef>();
  for (const u of t.units) if (u.track === 'party' && u.kind !== 'committee') paired.set(u.id, u);
  const rows: (typeof positions.$inferInsert)[] = [];
  const seen = new Set<string>();
  const add = (personId: string, unitId: string, role: string) => {
    const k = `${personId}|${unitId}|${role}`;
    if (seen.has(k)) return;
    seen.add(k);
    rows.push({ id: r.uuid(), tenantId: t.tenantId, personId, unitId, role, startDate: '2024-09-01' });
  };
  t.leaders.forEach((id, i) => add(id, t.units[0].id, i === 0 ? 'secretary' : i < 3 ? 'deputy_secretary' : 'committee_member'));
  const unithead = t.keyed.get('unithead')!, liaison = t.keyed.get('liaison')!;
  const firstCollege = t.units.find((u) => u.kind === 'college')!;
  add(unithead, firstCollege.id, 'head');
  add(liaison, firstCollege.id, 'liaison');
  const partyUnits = t.units.filter((u) => u.track === 'party' && u.kind !== 'committee');
  for (const [unitId, staff] of byUnit) {
    add(staff[0], unitId, 'head');
    if (staff[1]) add(staff[1], unitId, 'liaison');
    for (const id of staff.slice(2)) if (r.chance(0.5)) add(id, r.pick(partyUnits).id, 'member');
  }
  for (const u of partyUnits) add(r.pick(t.people.slice(6)).id, u.id, 'secretary');
  return insertBatched(t.db, positions, rows);
}

/** 一岗双责: each leader is in charge of a few departments and linked to a few colleges. */
export async function genLeaderDuties(t: TenantRefs): Promise<number> {
  const { r } = t;
  const depts = t.units.filter((u) => u.kind === 'department' || u.kind === 'center');
  const colleges = t.units.filter((u) => u.kind === 'college');
  const rows = t.leaders.flatMap((personId) => [
    ...r.sample(depts, Math.max(1, Math.round(depts.length / 8))).map((u) => ({ id: r.uuid(), tenantId: t.tenantId, personId, unitId: u.id, kind: 'in_charge' })),
    ...r.sample(colleges, Math.max(1, Math.round(colleges.length / 6))).map((u) => ({ id: r.uuid(), tenantId: t.tenantId, personId, unitId: u.id, kind: 'linked' })),
  ]);
  return insertBatched(t.db, leaderDuties, rows);
}

export const benchUsers = [
  ['admin', 'admin'], ['office', 'office'], ['leader', 'leader'], ['unithead', 'unit_head'], ['liaison', 'liaison'],
  ['inspector', 'inspector'], ['member', 'member'], ['auditor', 'auditor'], ['security', 'security'],
] as const;

/** One user per role, all with the bench password (hashed once). */
export async function genUsers(t: TenantRefs): Promise<number> {
  const names = new Map(t.people.map((p) => [p.id, p.name]));
  const rows = benchUsers.map(([username, role]) => {
    const personId = t.keyed.get(username) ?? null;
    const id = t.r.uuid();
    const displayName = personId ? names.get(personId)! : `${username} 管理员`;
    t.users.set(username, { id, name: displayName });
    return { id, tenantId: t.tenantId, username, displayName, passwordHash: t.passwordHash, roles: [role], personId, mustChangePassword: false };
  });
  return insertBatched(t.db, users, rows);
}
