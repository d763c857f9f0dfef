import { useMemo, useState } from 'react';
import { Table } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@santong/contract';
import { api } from '../../../app/api';
import type { ListResult } from '../../../app/queries';
import { taskKeys, type TaskQuery } from '../hooks';
import { taskColumns, type TaskRow } from './taskColumns';

interface Props {
  items: Task[];
  total: number;
  loading: boolean;
  /** true: top-level rows, subtasks loaded when a row opens; false: a flat filtered list */
  tree: boolean;
  page: number;
  pageSize: number;
  sort?: string;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: string | undefined) => void;
  onOpen: (task: Task) => void;
}

const childQuery = (parentId: string): TaskQuery => ({ parentId, page: 1, pageSize: 500, sort: undefined });

/** The task tree: each opened row fetches its subtasks (any depth), so big campaigns stay paged. */
export function TaskTreeTable({ items, total, loading, tree, page, pageSize, sort, onPage, onSort, onOpen }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string[]>([]);
  const children = useQueries({
    queries: (tree ? expanded : []).map((id) => ({
      queryKey: taskKeys.list(childQuery(id)),
      queryFn: () => api.get<ListResult<Task>>('/api/v1/tasks', { parentId: id, page: 1, pageSize: 500 }),
    })),
  });
  const byParent = useMemo(() => {
    const m = new Map<string, Task[]>();
    (tree ? expanded : []).forEach((id, i) => {
      const items = children[i]?.data?.items;
      if (items) m.set(id, items);
    });
    return m;
  }, [children, expanded, tree]);

  const rows = useMemo(() => {
    const build = (k: Task): TaskRow => {
      if (!tree || k.childCount === 0) return { ...k };
      const kids = byParent.get(k.id);
      return { ...k, children: kids ? kids.map(build) : [{ ...k, id: `${k.id}:loading`, placeholder: true }] };
    };
    return items.map(build);
  }, [items, byParent, tree]);

  return (
    <Table<TaskRow>
      size="small"
      rowKey="id"
      data-testid="task-table"
      loading={loading}
      dataSource={rows}
      columns={taskColumns(t, sort, !tree)}
      scroll={{ x: 1100 }}
      expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as string[]), indentSize: 18 }}
      onRow={(k) => ({ onClick: () => !k.placeholder && onOpen(k), style: { cursor: 'pointer' } })}
      onChange={(pg, _f, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
        if (next !== sort) onSort(next);
        else onPage(pg.current ?? 1, pg.pageSize ?? 20);
      }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (n) => t('common.total', { total: n }) }}
    />
  );
}
