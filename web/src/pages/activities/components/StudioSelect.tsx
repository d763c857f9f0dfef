import { Select } from 'antd';
import { useStudios } from '../hooks';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** A 双带头人 studio (an innovation project of that kind). */
export function StudioSelect({ value, onChange, id, placeholder, style }: Props) {
  const { data, isLoading } = useStudios();
  return (
    <Select
      id={id}
      allowClear
      showSearch
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      loading={isLoading}
      placeholder={placeholder}
      style={style}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
    />
  );
}
