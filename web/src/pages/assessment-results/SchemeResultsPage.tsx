import { useState } from 'react';
import { Alert, Button, Card, Result, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { errorText, useApiError } from '../../app/errors';
import { useDistribution, useResultTable } from './hooks';
import { scopeKey } from './labels';
import { BreakdownDrawer } from './components/BreakdownDrawer';
import { RankingTable } from './components/RankingTable';
import { ResultActions, exportResults } from './components/ResultActions';
import { ResultCharts } from './components/ResultCharts';

/** One scheme's results: the office's compute/freeze/publish, the ranking, the charts and each target's breakdown. */
export default function SchemeResultsPage() {
  const { schemeId = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const table = useResultTable(schemeId);
  const dist = useDistribution(schemeId, !!table.data);
  const [open, setOpen] = useState<string | null>(null);
  if (table.error) return <Result status="403" subTitle={errorText(t, table.error)} />;
  const data = table.data;
  const scheme = data?.scheme;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" loading={!data}>
        {scheme && (
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Space direction="vertical" size={2}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="results-title">{scheme.title}</Typography.Title>
              <Space size={4} wrap>
                <Tag color={scheme.status === 'published' ? 'green' : 'default'}>{t(scheme.status === 'published' ? 'results.status.published' : 'results.status.closed')}</Tag>
                {scheme.frozenAt && <Tag color="blue">{t('results.frozen')}</Tag>}
                {scheme.publishScope && <Tag data-testid="results-scope">{t(scopeKey(scheme.publishScope))}</Tag>}
                {scheme.publishedAt && <Typography.Text type="secondary">{t('results.publishedAt', { time: dayjs(scheme.publishedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
                <Typography.Text type="secondary">{t('results.targetsShown', { total: data.targetCount, shown: data.items.length })}</Typography.Text>
              </Space>
            </Space>
            <Space wrap>
              {can('assess.result.publish') && <ResultActions scheme={scheme} />}
              {scheme.computed && <Button icon={<DownloadOutlined />} onClick={() => exportResults(scheme.id, scheme.title).catch(onError)} data-testid="results-export">{t('results.export')}</Button>}
            </Space>
          </Space>
        )}
        {scheme?.overrideReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={t('results.overrideNote', { reason: scheme.overrideReason })} />}
      </Card>
      {data && data.items.length > 0 && <ResultCharts rows={data.items} distribution={dist.data} />}
      {data && (
        <Card size="small">
          <RankingTable table={data} onOpen={(r) => setOpen(r.targetId)} />
        </Card>
      )}
      <BreakdownDrawer schemeId={schemeId} targetId={open} bands={data?.bands ?? []} onClose={() => setOpen(null)} />
    </Space>
  );
}
