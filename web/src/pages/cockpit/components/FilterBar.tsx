import { DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCampaignOptions } from '../../tasks/hooks';
import type { CockpitFilters } from '../hooks';

/** Campaign, period and unit; every change goes to the address. */
export function FilterBar({ value, onChange, children }: { value: CockpitFilters; onChange: (patch: Partial<CockpitFilters>) => void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const campaigns = useCampaignOptions();
  const range = value.from && value.to ? ([dayjs(value.from), dayjs(value.to)] as [dayjs.Dayjs, dayjs.Dayjs]) : null;
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} data-testid="cockpit-filters">
      <Space wrap>
        <Select
          style={{ minWidth: 280 }}
          value={value.campaignId ?? ''}
          loading={campaigns.isLoading}
          onChange={(v) => onChange({ campaignId: v || undefined })}
          options={[{ value: '', label: t('cockpit.allCampaigns') }, ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]}
          data-testid="cockpit-campaign"
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={[t('cockpit.period'), t('cockpit.period')]}
          onChange={(r) => onChange({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <UnitTreeSelect value={value.unitId} onChange={(v) => onChange({ unitId: v ?? undefined })} placeholder={t('cockpit.unit')} style={{ width: 220 }} />
        <Typography.Text type="secondary">{t('cockpit.hint')}</Typography.Text>
      </Space>
      <Space wrap>{children}</Space>
    </Space>
  );
}

