import { AutoComplete, Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../hooks';
import { actionLabel, entityLabel, knownActions, knownEntities } from '../labels';

interface FormValues {
  entity?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditFilterBar({ onChange }: { onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const apply = (v: FormValues) =>
    onChange({
      entity: v.entity?.trim() || undefined,
      action: v.action?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form<FormValues> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8 }}>
      <Form.Item name="entity">
        <AutoComplete
          allowClear
          placeholder={t('audit.entity')}
          style={{ width: 150 }}
          options={knownEntities.map((e) => ({ value: e, label: `${entityLabel(t, e)} (${e})` }))}
          filterOption={(input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase())}
        />
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 170 }}
          options={knownActions.map((a) => ({ value: a, label: `${actionLabel(t, a)} (${a})` }))}
          filterOption={(input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase())}
        />
      </Form.Item>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actor')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
