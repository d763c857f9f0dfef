import { useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGoalOptions } from '../hooks';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
  mode?: 'multiple';
  style?: React.CSSProperties;
}

/** Goals of both tracks, grouped: party goals (党建) and business goals (业务). */
export function GoalSelect({ value, onChange, id, placeholder, style }: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useGoalOptions();
  const options = useMemo(() => {
    const goals = data?.items ?? [];
    const byTrack = (track: 'party' | 'business') =>
      goals.filter((g) => g.track === track).map((g) => ({ value: g.id, label: `${g.code ? `${g.code} ` : ''}${g.name}` }));
    return [
      { label: t('study.goals.party'), options: byTrack('party') },
      { label: t('study.goals.business'), options: byTrack('business') },
    ];
  }, [data, t]);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={options}
      loading={isLoading}
      placeholder={placeholder}
      style={style}
    />
  );
}
