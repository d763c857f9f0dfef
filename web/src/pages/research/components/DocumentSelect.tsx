import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useDocumentSearch } from '../hooks';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  id?: string;
}

/** Search the document register (title, 文号) for a report. */
export function DocumentSelect({ value, onChange, initialLabel, placeholder, id }: Props) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const { data, isFetching } = useDocumentSearch(q);
  const options = useMemo(() => {
    const opts = (data?.items ?? []).map((d) => ({ value: d.id, label: d.docNo ? `${d.title}（${d.docNo}）` : d.title }));
    if (value && !opts.some((o) => o.value === value)) opts.unshift({ value, label: initialLabel ?? value });
    return opts;
  }, [data, value, initialLabel]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      onSearch={setInput}
      filterOption={false}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
    />
  );
}
