import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HonourCategory, HonourNomination, HonourRound } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { useNominations, useWithdraw, type Decision } from '../hooks';
import { honourLabel, nominationColor } from '../labels';

interface Props {
  round: HonourRound;
  category: HonourCategory;
  onDecide: (n: HonourNomination, d: Decision) => void;
}

/** One category's nominations with the actions the round's stage allows. */
export function NominationTable({ round, category, onDecide }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const withdraw = useWithdraw();
  const { data, isFetching } = useNominations(round.id, category);
  const reviewer = can('execute.honour.review');
  const actions = (n: HonourNomination) => {
    if (reviewer && round.status === 'reviewing' && n.status === 'nominated')
      return (
        <Space size={4}>
          <Button size="small" type="primary" onClick={() => onDecide(n, 'approve')} data-testid="nomination-approve">{t('honour.approve')}</Button>
          <Button size="small" danger onClick={() => onDecide(n, 'reject')}>{t('honour.reject')}</Button>
        </Space>
      );
    if (reviewer && round.status === 'publicity' && n.status === 'approved')
      return (
        <Space size={4}>
          <Button size="small" type="primary" onClick={() => onDecide(n, 'award')} data-testid="nomination-award">{t('honour.award')}</Button>
          <Button size="small" danger onClick={() => onDecide(n, 'not_award')}>{t('honour.notAward')}</Button>
        </Space>
      );
    if (can('execute.honour.nominate') && round.status === 'nominating' && n.status === 'nominated')
      return (
        <Popconfirm title={t('honour.withdrawConfirm')} onConfirm={() => withdraw.mutateAsync(n.id).catch((e) => onError(e))}>
          <Button size="small">{t('honour.withdraw')}</Button>
        </Popconfirm>
      );
    return null;
  };
  return (
    <Table<HonourNomination>
      size="middle" rowKey="id" loading={isFetching} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 900 }}
      data-testid={`nominations-${category}`} locale={{ emptyText: t('honour.empty') }}
      columns={[
        {
          title: t('honour.nominee'), key: 'nominee', width: 220,
          render: (_, n) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{n.nomineeName}</Typography.Text>
              {n.nomineePersonUnitName && <Typography.Text type="secondary">{t('honour.unitPerson', { title: n.nomineeTitle ?? '', unit: n.nomineePersonUnitName })}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('honour.nominatingUnit'), dataIndex: 'nominatingUnitName', key: 'nominatingUnitName', width: 160 },
        { title: t('honour.reason'), dataIndex: 'reason', key: 'reason', render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: v }}>{v}</Typography.Paragraph> },
        { title: t('honour.status'), dataIndex: 'status', key: 'status', width: 100, render: (s: HonourNomination['status']) => <Tag color={nominationColor[s]}>{t(honourLabel.status(s))}</Tag> },
        { title: t('honour.reviewNote'), dataIndex: 'reviewNote', key: 'reviewNote', width: 180, render: (v: string | null) => v ?? '—' },
        { title: t('common.actions'), key: 'actions', width: 200, fixed: 'right', render: (_, n) => actions(n) },
      ]}
    />
  );
}
