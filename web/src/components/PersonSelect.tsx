import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { usePersonSearch } from '../app/queries';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** label of the current value when it is not among the search results */
  initialLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** Search people by staff no. or name (server-side, 20 at a time). */
export function PersonSelect({ value, onChange, initialLabel, placeholder, allowClear = true, id, style }: Props) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const { data, isFetching } = usePersonSearch(q);
  const options = useMemo(() => {
    const opts = (data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo}·${p.unitName}）` }));
    if (value && !opts.some((o) => o.value === value)) opts.unshift({ value, label: initialLabel ?? value });
    return opts;
  }, [data, value, initialLabel]);
  return (
    <Select
      id={id}
      showSearch
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      onSearch={setInput}
      filterOption={false}
      options={options}
      loading={isFetching}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 220, ...style }}
    />
  );
}
