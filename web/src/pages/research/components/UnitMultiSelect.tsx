import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useUnitList } from '../../../app/queries';
import { buildUnitTree } from '../../../components/unitTree';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
}

/** Several units from the org tree (the units a topic studies). */
export function UnitMultiSelect({ value, onChange, id, placeholder }: Props) {
  const { data, isLoading } = useUnitList();
  const treeData = useMemo(() => buildUnitTree(data?.items ?? [], () => true), [data]);
  return (
    <TreeSelect
      id={id}
      multiple
      treeCheckable={false}
      value={value}
      onChange={(v) => onChange?.(v as string[])}
      treeData={treeData}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={isLoading}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
