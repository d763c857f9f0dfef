import { useMemo, useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AssessmentIndicator, IndicatorTree } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useDeleteIndicator, useIndicators, useValidateTree } from '../hooks';
import { trackColor } from '../labels';
import { IndicatorDrawer } from './IndicatorDrawer';

type Node = AssessmentIndicator & { children?: Node[]; childSum?: number };

function nest(items: AssessmentIndicator[]): Node[] {
  const byParent = new Map<string | null, Node[]>();
  for (const i of items) byParent.set(i.parentId, [...(byParent.get(i.parentId) ?? []), { ...i }]);
  const attach = (n: Node): Node => {
    const kids = byParent.get(n.id);
    return kids ? { ...n, children: kids.map(attach), childSum: Math.round(kids.reduce((s, k) => s + k.weight, 0) * 1000) / 1000 } : n;
  };
  return (byParent.get(null) ?? []).map(attach);
}

const bad = (sum: number | undefined) => sum !== undefined && Math.abs(sum - 100) > 1e-6;

/** The indicator tree with each level's weight sum inline, red where siblings do not sum to 100. */
export function IndicatorTreeEditor({ schemeId, editable }: { schemeId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data, isFetching } = useIndicators(schemeId);
  const remove = useDeleteIndicator(schemeId);
  const validate = useValidateTree(schemeId);
  const [editing, setEditing] = useState<{ node: AssessmentIndicator | null; parent: AssessmentIndicator | null } | null>(null);
  const tree = useMemo(() => nest(data?.items ?? []), [data]);
  const rootSum = Math.round(tree.reduce((s, n) => s + n.weight, 0) * 1000) / 1000;
  const leaves = (data?.items ?? []).filter((i) => i.isLeaf);

  const problems = (d: IndicatorTree | undefined) =>
    (d?.problems ?? []).map((p) => t('assessment.ind.sumBad', { level: p.level, parent: p.parentName ?? t('assessment.ind.top'), sum: p.sum }));
  const check = () => validate.mutateAsync().then(() => message.success(t('assessment.ind.sumOk')), (e) => onError(e));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="indicator-tree">
      {data && (data.problems.length ? (
        <Alert type="error" showIcon icon={<WarningOutlined />} message={t('assessment.notReady')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems(data).map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : data.items.length ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={t('assessment.ind.sumOk')} description={t('assessment.ind.leafCount', { count: leaves.length, data: leaves.filter((l) => l.method === 'data').length })} />
      ) : null)}
      <Space>
        {editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ node: null, parent: null })} data-testid="indicator-add-root">{t('assessment.ind.addRoot')}</Button>}
        <Button onClick={() => void check()} loading={validate.isPending}>{t('assessment.ind.validate')}</Button>
        <Typography.Text type={bad(rootSum) && tree.length ? 'danger' : 'secondary'}>{t('assessment.ind.top')}: {t('assessment.ind.childSum', { sum: rootSum })}</Typography.Text>
      </Space>
      <Table<Node>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={data ? 'loaded' : 'loading'}
        onRow={(n) => ({ style: bad(n.childSum) ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: t('assessment.ind.name'), dataIndex: 'name', width: 300, render: (v: string, n) => <span><Tag bordered={false}>L{n.level}</Tag>{v}</span> },
          { title: t('assessment.ind.track'), dataIndex: 'track', width: 80, render: (v: string) => <Tag color={trackColor[v]}>{t(`assessment.track.${v}`)}</Tag> },
          { title: t('assessment.ind.weight'), dataIndex: 'weight', width: 80, align: 'right' },
          {
            title: t('assessment.ind.childSum', { sum: '' }).trim(), key: 'sum', width: 130,
            render: (_, n) => n.childSum === undefined ? null : bad(n.childSum)
              ? <Typography.Text type="danger" strong data-testid="weight-warning"><WarningOutlined /> {n.childSum}</Typography.Text>
              : <Typography.Text type="success">{n.childSum}</Typography.Text>,
          },
          { title: t('assessment.ind.maxScore'), dataIndex: 'maxScore', width: 70, align: 'right', render: (v: number, n) => (n.isLeaf ? v : null) },
          {
            title: t('assessment.ind.method'), key: 'method', width: 170,
            render: (_, n) => !n.isLeaf ? null : n.method === 'data' && n.formula
              ? <Tag color="cyan">{t(`assessment.metric.${n.formula.metric}`)}{n.formula.kind === 'count' ? ` ≤${n.formula.cap}` : ''}</Tag>
              : <Tag>{t('assessment.method.manual')}</Tag>,
          },
          {
            title: t('assessment.ind.observationPoints'), dataIndex: 'observationPoints', ellipsis: true,
            render: (v: string | null) => v && <Tooltip title={v}><Typography.Text type="secondary">{v}</Typography.Text></Tooltip>,
          },
          ...(editable ? [{
            title: t('common.actions'), key: 'actions', width: 190,
            render: (_: unknown, n: Node) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ node: null, parent: n })}>{t('assessment.ind.addChild')}</Button>
                <Button type="link" size="small" onClick={() => setEditing({ node: n, parent: null })}>{t('common.edit')}</Button>
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(n.id).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                  <Button type="link" size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <IndicatorDrawer schemeId={schemeId} open={!!editing} editing={editing?.node ?? null} parent={editing?.parent ?? null} onClose={() => setEditing(null)} />
    </Space>
  );
}
