import { useEffect, useState } from 'react';
import { App, Button, Card, Space, Spin, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { DesktopOutlined, FileExcelOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { downloadBriefing, useCockpit, useCockpitFilters } from './hooks';
import { FilterBar } from './components/FilterBar';
import { KpiRow } from './components/KpiRow';
import { CockpitCharts } from './components/CockpitCharts';

/** 驾驶舱: the 三同 loop at a glance for a campaign, a period and a unit, within the caller's scope. */
export default function CockpitPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [filters, setFilters] = useCockpitFilters();
  const { data, isFetching, refetch, error } = useCockpit(filters);
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);

  const download = async (ext: 'docx' | 'xlsx') => {
    if (!filters.campaignId) return void message.info(t('cockpit.needCampaign'));
    setBusy(ext);
    try {
      await downloadBriefing(filters, ext);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };
  const screen = `/insight/cockpit/screen?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="cockpit-page">
      <Card size="small">
        <FilterBar value={filters} onChange={setFilters}>
          {data && <Typography.Text type="secondary" data-testid="cockpit-as-of">{t('cockpit.asOf', { time: dayjs(data.asOf).format('HH:mm:ss') })}</Typography.Text>}
          <Tooltip title={t('cockpit.refresh')}><Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()} /></Tooltip>
          {can('insight.briefing.read') && (
            <>
              <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid="briefing-docx">{t('cockpit.briefingDocx')}</Button>
              <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')} data-testid="briefing-xlsx">{t('cockpit.briefingXlsx')}</Button>
            </>
          )}
          <Link to={screen}><Button type="primary" icon={<DesktopOutlined />} data-testid="cockpit-screen">{t('cockpit.screen')}</Button></Link>
        </FilterBar>
      </Card>
      {!data ? <Spin style={{ display: 'block', margin: 48 }} /> : (
        <>
          <KpiRow data={data} filters={filters} />
          <CockpitCharts data={data} filters={filters} />
        </>
      )}
    </Space>
  );
}
