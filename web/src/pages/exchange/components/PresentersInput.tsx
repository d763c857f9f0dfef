import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { usePersonSearch } from '../../../app/queries';

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  placeholder?: string;
}

const SEP = '、';
const split = (s: string | undefined) => (s ?? '').split(/[、\n]/).map((x) => x.trim()).filter(Boolean);

/** Presenters as text: pick people found on the server ("name（unit）") or type any name; stored joined by 、. */
export function PresentersInput({ value, onChange, id, placeholder }: Props) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const { data, isFetching } = usePersonSearch(q, q.length > 0);
  const options = useMemo(() => (data?.items ?? []).map((p) => ({ value: `${p.name}（${p.unitName}）` })), [data]);
  return (
    <Select
      id={id}
      mode="tags"
      value={split(value)}
      onChange={(v: string[]) => onChange?.(v.map((x) => x.trim()).filter(Boolean).join(SEP))}
      onSearch={setInput}
      tokenSeparators={[SEP, '\n']}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      filterOption={false}
    />
  );
}
