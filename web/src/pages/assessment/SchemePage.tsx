import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { useScheme, useTransition } from './hooks';
import { nextStatus, statusColor } from './labels';
import { IndicatorTreeEditor } from './components/IndicatorTreeEditor';
import { TargetsTab } from './components/TargetsTab';
import { RatersTab } from './components/RatersTab';
import { SchemeFormDrawer } from './components/SchemeFormDrawer';

const editableIndicators = ['draft', 'self_assessment'];

/** One scheme: its indicator tree, targets, raters and settings, and the status actions up to closing. */
export default function SchemePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data: scheme } = useScheme(id);
  const transition = useTransition(scheme);
  const [editing, setEditing] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const writable = can('assess.scheme.write');
  if (!scheme) return <Card loading />;

  const move = async (to: string) => {
    try {
      await transition.mutateAsync(to);
      setIssues([]);
      void message.success(t('common.saved'));
    } catch (e) {
      if (isApiError(e) && e.code === 'VALIDATION_FAILED') setIssues(((e.details?.issues ?? []) as { message: string }[]).map((i) => i.message));
      onError(e);
    }
  };
  const open = !['closed', 'published'].includes(scheme.status);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>{scheme.title}</Typography.Title>
            <Tag color={statusColor[scheme.status]} data-testid="scheme-status">{t(`assessment.status.${scheme.status}`)}</Tag>
          </Space>
          {writable && (
            <Space>
              {(nextStatus[scheme.status] ?? []).map((to) => (
                <Popconfirm key={to} title={t('assessment.confirmTransition', { status: t(`assessment.status.${to}`) })} onConfirm={() => void move(to)}>
                  <Button type={to === 'rating' ? 'primary' : 'default'} loading={transition.isPending} data-testid={`scheme-to-${to}`}>{t(`assessment.action.${to}`)}</Button>
                </Popconfirm>
              ))}
              {open && <Button onClick={() => setEditing(true)}>{t('assessment.edit')}</Button>}
            </Space>
          )}
        </Space>
        <Descriptions size="small" style={{ marginTop: 8 }} column={4}>
          <Descriptions.Item label={t('assessment.year')}>{scheme.year}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.selfReportDeadline')}>{scheme.selfReportDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.ratingDeadline')}>{scheme.ratingDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.trimmedMean')}>{t(scheme.trimmedMean ? 'common.yes' : 'common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.bands')} span={2}>
            {scheme.bands.map((b) => `${b.label} ≥${b.minScore}${b.maxShare ? `（≤${Math.round(b.maxShare * 100)}%）` : ''}`).join('，')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.adjustmentItems')} span={2}>
            {scheme.adjustmentItems.map((a) => `${a.name}${a.kind === 'veto' ? '' : `（≤${a.cap}）`}`).join('；') || '—'}
          </Descriptions.Item>
        </Descriptions>
        {issues.length > 0 && (
          <Alert type="error" showIcon closable onClose={() => setIssues([])} message={t('assessment.notReady')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{issues.map((i) => <li key={i}>{i}</li>)}</ul>} />
        )}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'indicators', label: t('assessment.tab.indicators'), children: <IndicatorTreeEditor schemeId={id} editable={writable && editableIndicators.includes(scheme.status)} /> },
            { key: 'targets', label: t('assessment.tab.targets'), children: <TargetsTab scheme={scheme} writable={writable} /> },
            ...(writable ? [{ key: 'raters', label: t('assessment.tab.raters'), children: <RatersTab scheme={scheme} /> }] : []),
          ]}
        />
      </Card>
      <SchemeFormDrawer open={editing} editing={scheme} onClose={() => setEditing(false)} />
    </Space>
  );
}
