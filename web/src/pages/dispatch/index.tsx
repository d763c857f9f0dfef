import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Select, Space, Spin, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, ReloadOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { useCampaignOptions } from '../campaigns/hooks';
import { useSheet, usePrepare } from './hooks';
import { addDays, isoWeekOf, localToday, mondayOf } from './week';
import { CountsRow, SheetView } from './components/SheetView';
import { MeetingDrawer } from './components/MeetingDrawer';

/** Campaign and week live in the address, so the Monday notification links straight to the sheet. */
function usePicks(): [{ campaignId?: string; week: string }, (p: { campaignId?: string; week?: string }) => void] {
  const [params, setParams] = useSearchParams();
  const picks = useMemo(() => ({ campaignId: params.get('campaignId') ?? undefined, week: params.get('week') ?? isoWeekOf(localToday()) }), [params]);
  const set = (p: { campaignId?: string; week?: string }) => {
    const next = { ...picks, ...p };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true });
  };
  return [picks, set];
}

/** 每周一调度 (S12): the week's sheet, its preparation, the meeting record and downloads. */
export default function DispatchPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [{ campaignId, week }, setPicks] = usePicks();
  const campaigns = useCampaignOptions();
  const { data, isFetching } = useSheet(campaignId, week);
  const prepare = usePrepare();
  const [meetingOpen, setMeetingOpen] = useState(false);
  const office = can('assess.dispatch.write');

  useEffect(() => {
    if (campaignId || !campaigns.data) return;
    const active = campaigns.data.items.find((c) => c.status === 'active') ?? campaigns.data.items[0];
    if (active) setPicks({ campaignId: active.id });
  }, [campaigns.data, campaignId]); // eslint-disable-line react-hooks/exhaustive-deps

  const monday = mondayOf(week);
  const meeting = data?.meeting ?? null;
  const doPrepare = (refresh: boolean) =>
    campaignId && prepare.mutateAsync({ campaignId, isoWeek: week, refresh }).then(() => message.success(t('dispatch.preparedOk')), onError);
  const download = (kind: 'docx' | 'xlsx') => api.download(`/api/v1/dispatch/sheet/${kind}`, { campaignId, week }, `dispatch-${week}.${kind}`).catch(onError);

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            style={{ minWidth: 300 }}
            value={campaignId}
            placeholder={t('dispatch.campaign')}
            loading={campaigns.isLoading}
            onChange={(v) => setPicks({ campaignId: v })}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            data-testid="dispatch-campaign"
          />
          <DatePicker
            picker="week"
            allowClear={false}
            value={monday ? dayjs(monday) : null}
            format={() => week}
            onChange={(d) => d && setPicks({ week: isoWeekOf(d.format('YYYY-MM-DD')) })}
            data-testid="dispatch-week"
          />
          <Button onClick={() => setPicks({ week: isoWeekOf(localToday()) })}>{t('dispatch.thisWeek')}</Button>
          <Typography.Text type="secondary">{t('dispatch.weekRange', { week, from: monday, to: addDays(monday, 6) })}</Typography.Text>
        </Space>
        <Space wrap>
          {office && !meeting?.preparedAt && (
            <Button type="primary" icon={<ScheduleOutlined />} loading={prepare.isPending} disabled={!campaignId} onClick={() => void doPrepare(false)} data-testid="dispatch-prepare">
              {t('dispatch.prepare')}
            </Button>
          )}
          {office && meeting?.preparedAt && (
            <Button icon={<ReloadOutlined />} loading={prepare.isPending} onClick={() => void doPrepare(true)}>{t('dispatch.refresh')}</Button>
          )}
          {office && meeting && <Button icon={<TeamOutlined />} onClick={() => setMeetingOpen(true)} data-testid="dispatch-meeting">{t('dispatch.meeting')}</Button>}
          <Button icon={<FileWordOutlined />} disabled={!campaignId} onClick={() => void download('docx')} data-testid="dispatch-docx">{t('dispatch.downloadDocx')}</Button>
          <Button icon={<FileExcelOutlined />} disabled={!campaignId} onClick={() => void download('xlsx')}>{t('dispatch.downloadXlsx')}</Button>
          <Link to={`/assess/follow-ups${campaignId ? `?campaignId=${campaignId}` : ''}`}><Button>{t('menu.assess.followUps')}</Button></Link>
        </Space>
      </Space>
      <Alert
        style={{ marginBottom: 12 }}
        type={meeting?.preparedAt ? 'success' : 'info'}
        showIcon
        message={meeting?.preparedAt ? t('dispatch.prepared', { at: dayjs(meeting.preparedAt).format('YYYY-MM-DD HH:mm') }) : t('dispatch.notPrepared')}
      />
      <Spin spinning={isFetching && !data}>
        {data && (
          <>
            <CountsRow counts={data.sheet.counts} />
            <SheetView sheet={data.sheet} />
          </>
        )}
      </Spin>
      {office && <MeetingDrawer open={meetingOpen} meeting={meeting} onClose={() => setMeetingOpen(false)} />}
      {!office && meeting?.minutes && (
        <Card size="small" title={`${t('dispatch.meeting')} · ${meeting.heldOn ?? ''} · ${meeting.chairName ?? ''}`}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{meeting.minutes}</Typography.Paragraph>
        </Card>
      )}
    </Card>
  );
}
