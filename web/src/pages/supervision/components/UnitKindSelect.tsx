import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitKinds } from '@santong/contract';
import { label } from '../../../locales/keys';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}

/** The unit kinds an indicator applies to (none chosen = every unit). */
export function UnitKindSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  return (
    <Select id={id} mode="multiple" allowClear value={value ?? []} onChange={(v) => onChange?.(v)} options={unitKinds.map((k) => ({ value: k, label: t(label.unitKind(k)) }))} />
  );
}
