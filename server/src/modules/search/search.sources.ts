import { sql, type SQL } from 'drizzle-orm';
import type { Permission, SearchKind } from '@santong/contract';
import { unitScopeSql, type Scope } from '../../access/scope.js';
import { taskScopeSql } from '../tasks/task.query.js';
import { outcomeScopeSql } from '../outcomes/outcomes.repo.js';
import { topicScopeSql } from '../research/research.repo.js';
import { lectureScopeSql } from '../lectures/lectures.repo.js';
import { activityScopeSql } from '../activities/activities.repo.js';

/**
 * Where each kind of record lives for the header search. `title` and `body`
 * together cover every text the kind's write path puts into search_grams, so
 * the LIKE confirmation agrees with the gram index. `scope` is the same
 * predicate the kind's own list applies. Everything but `subtitle` refers to
 * the table alone: the ranking runs on the bare table, and `names` is joined
 * for the ranked hits only.
 */
export interface SearchSource {
  kind: SearchKind;
  /** the kind's read permission: without it, the kind is not searched */
  permission: Permission;
  /** the searched table with its alias (the alias its scope SQL expects) */
  table: SQL;
  alias: string;
  /** joins that fill the subtitle (unit, person names); made for the ranked hits only */
  names: SQL;
  title: SQL;
  body: SQL;
  subtitle: SQL;
  /** a date shown with the hit (text), or null */
  date: SQL;
  /** newer first among equal hits */
  recency: SQL;
  scope(scope: Scope): SQL;
  /** extra conditions (e.g. only the current version of a regulation) */
  where?: SQL;
  link(id: string, q: string): string;
}

const enc = encodeURIComponent;

export const searchSources: SearchSource[] = [
  {
    kind: 'task',
    permission: 'plan.task.read',
    alias: 't',
    table: sql`tasks t`,
    names: sql`left join units u on u.id = t.owner_unit_id`,
    title: sql`t.title`,
    body: sql`coalesce(t.description, '')`,
    subtitle: sql`u.name`,
    date: sql`t.due_date::text`,
    recency: sql`t.updated_at`,
    scope: (s) => taskScopeSql(s, 't'),
    link: (id) => `/plan/tasks?task=${id}`,
  },
  {
    kind: 'document',
    permission: 'plan.document.read',
    alias: 'd',
    table: sql`documents d`,
    names: sql`left join units u on u.id = d.issuing_unit_id`,
    title: sql`d.title`,
    body: sql`coalesce(d.doc_no, '') || ' ' || coalesce(d.summary, '')`,
    subtitle: sql`concat_ws(' · ', d.doc_no, u.name)`,
    date: sql`d.issued_on::text`,
    recency: sql`d.updated_at`,
    // documents are read by everyone who may read documents (no unit scope), as in their list
    scope: () => sql`true`,
    link: (id, q) => `/plan/documents?q=${enc(q)}&id=${id}`,
  },
  {
    kind: 'outcome',
    permission: 'execute.outcome.read',
    alias: 'o',
    table: sql`outcomes o`,
    names: sql`left join units u on u.id = o.unit_id`,
    title: sql`o.title`,
    body: sql`coalesce(o.medium, '')`,
    subtitle: sql`concat_ws(' · ', u.name, o.medium)`,
    date: sql`o.published_on::text`,
    recency: sql`o.updated_at`,
    scope: (s) => outcomeScopeSql(s),
    link: (id, q) => `/execute/outcomes?q=${enc(q)}&id=${id}`,
  },
  {
    kind: 'regulation',
    permission: 'execute.regulation.read',
    alias: 'g',
    table: sql`regulations g`,
    names: sql`left join units u on u.id = g.owner_unit_id`,
    title: sql`g.title`,
    body: sql`coalesce(g.doc_no, '')`,
    subtitle: sql`concat_ws(' · ', g.doc_no, u.name)`,
    date: sql`g.effective_on::text`,
    recency: sql`g.updated_at`,
    // the school's rules: tenant-wide, as in their list; older versions of a revised rule are left out
    scope: () => sql`true`,
    where: sql`g.status <> 'revised'`,
    link: (id) => `/execute/regulations/${id}`,
  },
  {
    kind: 'activity',
    permission: 'execute.activity.read',
    alias: 'a',
    table: sql`activities a`,
    names: sql`left join units u on u.id = a.unit_id`,
    title: sql`a.title`,
    body: sql`coalesce(a.summary, '')`,
    subtitle: sql`u.name`,
    date: sql`a.held_on::text`,
    recency: sql`a.updated_at`,
    scope: (s) => activityScopeSql(s),
    link: (id, q) => `/execute/activities?q=${enc(q)}&id=${id}`,
  },
  {
    kind: 'research',
    permission: 'plan.research.read',
    alias: 't',
    table: sql`research_topics t`,
    names: sql`left join people p on p.id = t.leader_person_id`,
    title: sql`t.title`,
    body: sql`t.problem_area || ' ' || coalesce(t.findings, '')`,
    subtitle: sql`p.name`,
    date: sql`null::text`,
    recency: sql`t.updated_at`,
    scope: (s) => topicScopeSql(s),
    link: (id) => `/plan/research/${id}`,
  },
  {
    kind: 'lecture',
    permission: 'plan.lecture.read',
    alias: 'l',
    table: sql`lectures l`,
    names: sql`left join people p on p.id = l.lecturer_person_id left join units u on u.id = l.audience_unit_id`,
    title: sql`l.topic`,
    body: sql`coalesce(l.location, '')`,
    subtitle: sql`concat_ws(' · ', p.name, u.name)`,
    date: sql`l.held_on::text`,
    recency: sql`l.updated_at`,
    scope: (s) => lectureScopeSql(s),
    link: (id, q) => `/plan/lectures?q=${enc(q)}&id=${id}`,
  },
  {
    kind: 'person',
    permission: 'org.person.read',
    alias: 'p',
    table: sql`people p`,
    names: sql`left join units u on u.id = p.unit_id`,
    title: sql`p.name`,
    body: sql`p.staff_no || ' ' || coalesce(p.title, '')`,
    subtitle: sql`concat_ws(' · ', u.name, p.title)`,
    date: sql`null::text`,
    recency: sql`p.updated_at`,
    scope: (s) => unitScopeSql(s, sql`p.unit_id`, sql`p.id`),
    link: (id, q) => `/org/people?q=${enc(q)}&id=${id}`,
  },
];
