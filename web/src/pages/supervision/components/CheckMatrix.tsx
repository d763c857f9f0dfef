import { useMemo } from 'react';
import { Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkResults, type SupervisionCheck, type SupervisionPlanDetail } from '@santong/contract';
import { appliesTo } from '../matrix';
import { resultBg, resultColor, supervisionLabel } from '../labels';
import type { CheckCell } from './CheckDrawer';

type Unit = SupervisionPlanDetail['units'][number];

interface Props {
  plan: SupervisionPlanDetail;
  checks: SupervisionCheck[];
  loading: boolean;
  onOpen: (cell: CheckCell) => void;
}

/** Units × indicators, each cell coloured by the check's result; a click records or opens the check. */
export function CheckMatrix({ plan, checks, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const byCell = useMemo(() => new Map(checks.map((c) => [`${c.unitId}:${c.indicatorId}`, c])), [checks]);
  const writable = plan.abilities.recordChecks;

  const columns = [
    { title: t('supervision.unit'), dataIndex: 'name', key: 'unit', fixed: 'left' as const, width: 180 },
    ...plan.indicators.map((ind, i) => ({
      key: ind.id,
      width: 120,
      align: 'center' as const,
      title: (
        <Tooltip title={ind.requirement}>
          <Typography.Text style={{ fontSize: 12 }} ellipsis>{`${i + 1}. ${ind.requirement}`}</Typography.Text>
        </Tooltip>
      ),
      onCell: (u: Unit) => {
        const c = byCell.get(`${u.id}:${ind.id}`);
        const applies = appliesTo(ind.unitKinds, u.kind);
        const clickable = applies && (!!c || writable);
        return {
          style: { background: c ? resultBg[c.result] : undefined, cursor: clickable ? 'pointer' : 'default' },
          onClick: clickable ? () => onOpen({ indicator: ind, unit: u, check: c ?? null }) : undefined,
          'data-testid': `cell-${u.id}-${ind.id}`,
        };
      },
      render: (_: unknown, u: Unit) => {
        const c = byCell.get(`${u.id}:${ind.id}`);
        if (!appliesTo(ind.unitKinds, u.kind)) return <Typography.Text type="secondary">—</Typography.Text>;
        if (!c) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supervision.notChecked')}</Typography.Text>;
        return (
          <Space size={2}>
            <Tag color={resultColor[c.result]} style={{ marginInlineEnd: 0 }}>{t(supervisionLabel.result(c.result))}</Tag>
            {c.rectificationTaskId && <Tooltip title={c.rectification?.title}><ToolOutlined /></Tooltip>}
          </Space>
        );
      },
    })),
  ];

  return (
    <Card
      size="small"
      title={t('supervision.matrix')}
      extra={
        <Space size={4} wrap>
          {checkResults.map((r) => <Tag key={r} color={resultColor[r]}>{t(supervisionLabel.result(r))}</Tag>)}
          <Typography.Text type="secondary">{writable ? t('supervision.matrixHint') : ''}</Typography.Text>
        </Space>
      }
    >
      {plan.units.length === 0 || plan.indicators.length === 0 ? (
        <Empty />
      ) : (
        <Table<Unit> size="small" rowKey="id" bordered loading={loading} pagination={false} dataSource={plan.units} columns={columns} scroll={{ x: 180 + plan.indicators.length * 120 }} data-testid="check-matrix" />
      )}
    </Card>
  );
}
