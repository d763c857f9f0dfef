import { useState } from 'react';
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Regulation } from '@santong/contract';
import { useCleanup } from './hooks';
import { regulationLabel, statusColor } from './labels';

/** 制度立改废 report for any period: counts and lists of made, revised and abolished regulations. */
export default function RegulationCleanupPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const { data, isFetching } = useCleanup(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const parts = [
    { key: 'made', date: (r: Regulation) => r.effectiveOn },
    { key: 'revised', date: (r: Regulation) => r.effectiveOn },
    { key: 'abolished', date: (r: Regulation) => r.abolishedOn },
  ] as const;
  const table = (rows: Regulation[], date: (r: Regulation) => string | null) => (
    <Table<Regulation> size="small" rowKey="id" loading={isFetching} dataSource={rows} pagination={{ pageSize: 20 }}
      columns={[
        { title: t('regulation.title'), key: 'title', render: (_, r) => <Link to={`/execute/regulations/${r.id}`}>{r.title}</Link> },
        { title: t('regulation.docNo'), dataIndex: 'docNo', width: 180 },
        { title: t('regulation.ownerUnit'), dataIndex: 'ownerUnitName', width: 180 },
        { title: t('regulation.versionNo'), dataIndex: 'versionNo', width: 70, render: (v: number) => `v${v}` },
        { title: t('regulation.status'), dataIndex: 'status', width: 100, render: (s: Regulation['status']) => <Tag color={statusColor[s]}>{t(regulationLabel.status(s))}</Tag> },
        { title: t('regulation.date'), key: 'date', width: 110, render: (_, r) => date(r) },
      ]} />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      </Card>
      <Row gutter={16}>
        {parts.map((p) => (
          <Col span={8} key={p.key}><Card size="small" data-testid={`cleanup-${p.key}`}><Statistic title={t(`regulation.cleanup.${p.key}`)} value={data?.[p.key].count ?? 0} /></Card></Col>
        ))}
      </Row>
      <Card size="small">
        <Tabs items={parts.map((p) => ({ key: p.key, label: `${t(`regulation.cleanup.${p.key}`)}（${data?.[p.key].count ?? 0}）`, children: table(data?.[p.key].items ?? [], p.date) }))} />
      </Card>
    </Space>
  );
}
