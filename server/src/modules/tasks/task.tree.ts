/** Pure rules of the task tree: no cycles, subtasks inside their parent's dates, parents before children. */

export interface DateRange {
  startDate: string;
  dueDate: string;
}

export interface FieldProblem {
  field: 'startDate' | 'dueDate' | 'parentId';
  message: string;
}

/**
 * Moving `taskId` under `newParentId` makes a cycle when the task is the new
 * parent or one of its ancestors. `ancestorsOfNewParent` lists the new parent
 * and every task above it.
 */
export function makesCycle(taskId: string, ancestorsOfNewParent: readonly string[]): boolean {
  return ancestorsOfNewParent.includes(taskId);
}

/** A due date before the start, or a subtask reaching outside its parent's dates (ISO dates compare as text). */
export function dateProblems(range: DateRange, parent: DateRange | null): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (range.dueDate < range.startDate) out.push({ field: 'dueDate', message: 'due date is before the start date' });
  if (parent) {
    if (range.startDate < parent.startDate) out.push({ field: 'startDate', message: `a subtask cannot start before its parent (${parent.startDate})` });
    if (range.dueDate > parent.dueDate) out.push({ field: 'dueDate', message: `a subtask cannot be due after its parent (${parent.dueDate})` });
  }
  return out;
}

/** Problems when a parent's new dates no longer hold all of its children. */
export function childrenOutside(range: DateRange, children: readonly DateRange[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const earliest = children.reduce<string | null>((m, c) => (m === null || c.startDate < m ? c.startDate : m), null);
  const latest = children.reduce<string | null>((m, c) => (m === null || c.dueDate > m ? c.dueDate : m), null);
  if (earliest !== null && range.startDate > earliest) out.push({ field: 'startDate', message: `a subtask starts on ${earliest}, before this date` });
  if (latest !== null && range.dueDate < latest) out.push({ field: 'dueDate', message: `a subtask is due on ${latest}, after this date` });
  return out;
}

/**
 * Orders items so that each comes after its parent (parents outside the list
 * count as placed). Items whose parent chain loops, or points at an unknown
 * key, are returned in `stuck`.
 */
export function parentsFirst<T>(items: readonly T[], key: (t: T) => string, parentKey: (t: T) => string | null): { ordered: T[]; stuck: T[] } {
  const keys = new Set(items.map(key));
  const placed = new Set<string>();
  const ordered: T[] = [];
  let pending = [...items];
  for (;;) {
    const ready = pending.filter((t) => {
      const p = parentKey(t);
      return !p || !keys.has(p) || placed.has(p);
    });
    if (ready.length === 0) return { ordered, stuck: pending };
    for (const t of ready) placed.add(key(t));
    ordered.push(...ready);
    pending = pending.filter((t) => !ready.includes(t));
  }
}

/** Issued and still not signed after `days` days. */
export function isUnsignedOverdue(issuedAt: Date | null, signedAt: Date | null, now: Date, days = 2): boolean {
  return !!issuedAt && !signedAt && now.getTime() - issuedAt.getTime() > days * 86_400_000;
}
