import { Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { useApplications, useTargetContext } from '../hooks';
import { ApplicationTable } from './ApplicationTable';

/**
 * 考核结果与运用 on a unit's or a person's page: the unit's latest published
 * result (when the reader may see it) and the applications concerning it.
 */
export function ResultsPanel({ unitId, targetId, personId, beforeYear }: { unitId?: string | null; targetId?: string | null; personId?: string | null; beforeYear?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const ctx = useTargetContext({ unitId, targetId }, beforeYear);
  const unitApps = unitId ?? ctx.data?.result?.unitId;
  const apps = useApplications(personId ? { personId, pageSize: 100 } : { unitId: unitApps ?? undefined, pageSize: 100 }, can('assess.application.read') && !!(personId || unitApps));
  const r = ctx.data?.result;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="results-panel">
      {(unitId || targetId) && (ctx.isLoading ? <Spin size="small" /> : r && ctx.data?.scheme ? (
        <Typography.Text>
          {t('results.panel.result', { year: ctx.data.scheme.year, total: r.total, rank: r.rank, count: ctx.data.targetCount })} <Tag color="blue" data-testid="results-panel-grade">{r.gradeLabel}</Tag>
          {r.vetoed && <Tag color="red">{t('results.vetoed')}</Tag>}
        </Typography.Text>
      ) : <Typography.Text type="secondary">{t('results.panel.none')}</Typography.Text>)}
      {can('assess.application.read') && ((apps.data?.items.length ?? 0) > 0
        ? <ApplicationTable items={apps.data!.items} loading={apps.isFetching} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resultApp.none')} />)}
    </Space>
  );
}
