import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { documentKinds } from '@santong/contract';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCampaignOptions } from '../../campaigns/hooks';
import { documentKindLabel } from '../labels';
import type { DocumentFilters } from '../hooks';

type Shape = Omit<DocumentFilters, 'from' | 'to'> & { range?: [Dayjs, Dayjs] | null };

/** Filters of the document register; `fixedCampaign` hides the campaign picker (campaign page tab). */
export function DocumentFilterBar({ onChange, fixedCampaign }: { onChange: (f: DocumentFilters) => void; fixedCampaign?: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Shape>();
  const campaigns = useCampaignOptions();
  const apply = ({ range, ...v }: Shape) => {
    const f: DocumentFilters = { ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
    onChange(Object.fromEntries(Object.entries(f).filter(([, x]) => x !== undefined && x !== null && x !== '')));
  };
  return (
    <Form<Shape> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8 }}>
      <Form.Item name="q">
        <Input allowClear placeholder={t('document.searchPlaceholder')} style={{ width: 170 }} data-testid="document-q" />
      </Form.Item>
      <Form.Item name="kind">
        <Select allowClear placeholder={t('document.kind')} style={{ width: 110 }} options={documentKinds.map((k) => ({ value: k, label: t(documentKindLabel(k)) }))} />
      </Form.Item>
      {!fixedCampaign && (
        <Form.Item name="campaignId">
          <Select
            allowClear
            placeholder={t('document.campaign')}
            style={{ width: 190 }}
            loading={campaigns.isLoading}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}
      <Form.Item name="issuingUnitId">
        <UnitTreeSelect placeholder={t('document.issuingUnit')} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker style={{ width: 230 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="document-search">
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
