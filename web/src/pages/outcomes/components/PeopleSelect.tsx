import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { usePersonSearch } from '../../../app/queries';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  /** labels of people already chosen (not among the search results) */
  known?: { id: string; name: string }[];
  id?: string;
}

/** Several people, searched on the server by staff no. or name. */
export function PeopleSelect({ value, onChange, known = [], id }: Props) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [seen, setSeen] = useState<Record<string, string>>({});
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const { data, isFetching } = usePersonSearch(q);
  useEffect(() => {
    if (data) setSeen((s) => ({ ...s, ...Object.fromEntries(data.items.map((p) => [p.id, `${p.name}（${p.unitName}）`])) }));
  }, [data]);
  const options = useMemo(() => {
    const labels: Record<string, string> = { ...Object.fromEntries(known.map((p) => [p.id, p.name])), ...seen };
    const ids = new Set([...(data?.items ?? []).map((p) => p.id), ...(value ?? [])]);
    return [...ids].map((v) => ({ value: v, label: labels[v] ?? v }));
  }, [data, value, known, seen]);
  return (
    <Select id={id} mode="multiple" showSearch value={value ?? []} onChange={(v) => onChange?.(v)} onSearch={setInput} filterOption={false} options={options} loading={isFetching} allowClear />
  );
}
