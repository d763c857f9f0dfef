import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Goal } from '@santong/contract';
import { useGoalOptions } from '../hooks';

interface Node {
  value: string;
  title: string;
  children: Node[];
}

function toTree(goals: Goal[]): Node[] {
  const nodes = new Map(goals.map((g) => [g.id, { value: g.id, title: g.code ? `${g.code} ${g.name}` : g.name, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const g of goals) {
    const n = nodes.get(g.id)!;
    const parent = g.parentId ? nodes.get(g.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

interface Props<M extends boolean> {
  track?: Goal['track'];
  multiple?: M;
  value?: M extends true ? string[] : string | null;
  onChange?: (v: M extends true ? string[] : string | null) => void;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}

/** A goal tree of one track (or both) from GET /api/v1/goals. */
export function GoalTreeSelect<M extends boolean = false>({ track, multiple, value, onChange, placeholder, id, disabled, style }: Props<M>) {
  const { data, isLoading } = useGoalOptions();
  const treeData = useMemo(() => toTree((data?.items ?? []).filter((g) => !track || g.track === track)), [data, track]);
  return (
    <TreeSelect
      id={id}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v) => onChange?.((multiple ? (v ?? []) : (v ?? null)) as never)}
      multiple={multiple}
      treeCheckable={false}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      allowClear
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
