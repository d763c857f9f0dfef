import { useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Progress, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person } from '@santong/contract';
import { api } from '../../../app/api';
import { useApiError } from '../../../app/errors';
import { usePersonSearch, type ListResult } from '../../../app/queries';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import type { AttendeeValue } from '../hooks';

interface Props {
  value?: AttendeeValue[];
  onChange?: (v: AttendeeValue[]) => void;
  disabled?: boolean;
}

const toAttendee = (p: Person): AttendeeValue => ({ personId: p.id, name: p.name, unitName: p.unitName, attended: true });

/** The attendance list of a session: add people one by one or a whole unit, tick who came; shows the rate. */
export function AttendeePicker({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const came = value.filter((a) => a.attended).length;
  const rate = value.length ? Math.round((came / value.length) * 100) : 0;

  const addPeople = (people: AttendeeValue[]) => {
    const known = new Set(value.map((a) => a.personId));
    const fresh = people.filter((p) => !known.has(p.personId));
    if (fresh.length) onChange?.([...value, ...fresh]);
    return fresh.length;
  };
  const addUnit = async (unitId: string | null) => {
    if (!unitId) return;
    try {
      const res = await api.get<ListResult<Person>>('/api/v1/people', { unitId, pageSize: 500 });
      void message.success(t('study.attendees.addedUnit', { count: addPeople(res.items.map(toAttendee)) }));
    } catch (e) {
      onError(e);
    }
  };
  const patch = (personId: string, attended: boolean) => onChange?.(value.map((a) => (a.personId === personId ? { ...a, attended } : a)));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!disabled && (
        <Space.Compact block style={{ gap: 8 }}>
          <PersonSearch placeholder={t('study.attendees.add')} onPick={(p) => addPeople([toAttendee(p)])} />
          <UnitTreeSelect placeholder={t('study.attendees.addUnit')} value={null} onChange={(id) => void addUnit(id)} style={{ flex: 1 }} />
        </Space.Compact>
      )}
      <Space size="large">
        <Typography.Text data-testid="study-attendance">{t('study.attendance', { came, listed: value.length })}</Typography.Text>
        <Progress percent={rate} size="small" style={{ width: 160, margin: 0 }} />
      </Space>
      <Table<AttendeeValue>
        size="small"
        rowKey="personId"
        pagination={value.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={value}
        columns={[
          { title: t('person.name'), dataIndex: 'name', width: 110 },
          { title: t('person.unit'), dataIndex: 'unitName', ellipsis: true },
          {
            title: t('study.attended'),
            dataIndex: 'attended',
            width: 80,
            render: (v: boolean, a) => <Checkbox checked={v} disabled={disabled} onChange={(e) => patch(a.personId, e.target.checked)} />,
          },
          ...(disabled
            ? []
            : [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, a: AttendeeValue) => (
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => onChange?.(value.filter((x) => x.personId !== a.personId))} />
                  ),
                },
              ]),
        ]}
      />
    </Space>
  );
}

/** A person search that hands back the whole person (name and unit for the table). */
function PersonSearch({ placeholder, onPick }: { placeholder: string; onPick: (p: Person) => void }) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const { data, isFetching } = usePersonSearch(q);
  const options = useMemo(() => (data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo}·${p.unitName}）` })), [data]);
  return (
    <Select
      showSearch
      value={null}
      filterOption={false}
      onSearch={setInput}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      style={{ flex: 1 }}
      data-testid="study-attendee-search"
      onChange={(id: string) => {
        const p = data?.items.find((x) => x.id === id);
        if (p) onPick(p);
      }}
    />
  );
}
