import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Goal } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface GoalFormValues {
  track: Goal['track'];
  parentId?: string | null;
  code?: string | null;
  name: string;
  description?: string | null;
  sortOrder?: number;
}

export const goalKeys = { all: ['goals'] as const, list: () => ['goals', 'list'] as const };

/** Both goal trees as one flat list (small: one request). */
export function useGoals() {
  return useQuery({ queryKey: goalKeys.list(), queryFn: () => api.get<ListResult<Goal>>('/api/v1/goals'), staleTime: 60_000 });
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function useSaveGoal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: Goal | null; values: GoalFormValues }) => {
      const body = {
        parentId: values.parentId ?? null,
        code: blankToNull(values.code),
        name: values.name.trim(),
        description: blankToNull(values.description),
        ...(values.sortOrder !== undefined && values.sortOrder !== null ? { sortOrder: values.sortOrder } : {}),
      };
      return editing ? api.patch<Goal>(`/api/v1/goals/${editing.id}`, { ...body, version: editing.version }) : api.post<Goal>('/api/v1/goals', { ...body, track: values.track });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: goalKeys.all }),
  });
}

export function useDeleteGoal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (g: Goal) => api.del(`/api/v1/goals/${g.id}`), onSuccess: () => qc.invalidateQueries({ queryKey: goalKeys.all }) });
}

export interface GoalNode {
  key: string;
  value: string;
  title: string;
  goal: Goal;
  children?: GoalNode[];
}

/** One track's goals as a tree, in their stored order. */
export function goalTree(goals: Goal[], track: Goal['track'], exclude?: string): GoalNode[] {
  const mine = goals.filter((g) => g.track === track);
  const ids = new Set(mine.map((g) => g.id));
  const build = (parent: string | null): GoalNode[] =>
    mine
      .filter((g) => (g.parentId && ids.has(g.parentId) ? g.parentId : null) === parent && g.id !== exclude)
      .map((g) => {
        const children = build(g.id);
        return { key: g.id, value: g.id, title: g.code ? `${g.code} ${g.name}` : g.name, goal: g, ...(children.length ? { children } : {}) };
      });
  return build(null);
}
