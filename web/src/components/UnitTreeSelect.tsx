import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Unit } from '@santong/contract';
import { useUnitList } from '../app/queries';
import { buildUnitTree, subtreeIds } from './unitTree';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  /** hide this unit and its subtree (a unit cannot be its own ancestor) */
  excludeSubtreeOf?: string;
  filter?: (u: Unit) => boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  disabled?: boolean;
}

export function UnitTreeSelect({ value, onChange, placeholder, excludeSubtreeOf, filter, allowClear = true, style, id, disabled }: Props) {
  const { data, isLoading } = useUnitList();
  const treeData = useMemo(() => {
    const units = data?.items ?? [];
    const excluded = excludeSubtreeOf ? subtreeIds(units, excludeSubtreeOf) : new Set<string>();
    return buildUnitTree(units.filter((u) => !excluded.has(u.id)), filter ?? (() => true));
  }, [data, excludeSubtreeOf, filter]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={isLoading}
      disabled={disabled}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
