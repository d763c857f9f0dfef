import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { politicalStatuses, positionRoles } from '@santong/contract';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { label } from '../../../locales/keys';
import type { PeopleFilters } from '../hooks';

/** Filters above the people table; applied on submit. */
export function PeopleFilterBar({ value, onChange }: { value: PeopleFilters; onChange: (f: PeopleFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeopleFilters>();
  const apply = (v: PeopleFilters) => onChange(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')));
  return (
    <Form<PeopleFilters> form={form} layout="inline" initialValues={value} onFinish={apply} className="st-filter-bar" style={{ rowGap: 8 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('person.searchPlaceholder')} style={{ width: 160 }} data-testid="people-q" />
      </Form.Item>
      <Form.Item name="unitId">
        <UnitTreeSelect placeholder={t('person.unit')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="politicalStatus">
        <Select
          allowClear
          placeholder={t('person.politicalStatus')}
          style={{ width: 150 }}
          options={politicalStatuses.map((s) => ({ value: s, label: t(label.political(s)) }))}
        />
      </Form.Item>
      <Form.Item name="dualLeader">
        <Select
          allowClear
          placeholder={t('person.dualLeader')}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="role">
        <Select allowClear placeholder={t('person.positions')} style={{ width: 170 }} options={positionRoles.map((r) => ({ value: r, label: t(label.positionRole(r)) }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="people-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ q: undefined, unitId: undefined, politicalStatus: undefined, dualLeader: undefined, role: undefined });
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
