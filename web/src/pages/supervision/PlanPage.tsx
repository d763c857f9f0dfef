import { useState } from 'react';
import { Button, Card, Col, Result, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { checkResults, type CheckResult, type SupervisionCheck } from '@santong/contract';
import { errorText } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { useChecks, usePlan } from './hooks';
import { percent, resultColor, supervisionLabel } from './labels';
import { CheckMatrix } from './components/CheckMatrix';
import { CheckDrawer, type CheckCell } from './components/CheckDrawer';
import { IndicatorsCard } from './components/IndicatorsCard';

/** The checks of the plan as a list, filterable by result, exportable to .xlsx. */
function ChecksCard({ planId, checks, onOpen }: { planId: string; checks: SupervisionCheck[]; onOpen: (c: SupervisionCheck) => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<CheckResult | undefined>();
  const rows = result ? checks.filter((c) => c.result === result) : checks;
  return (
    <Card
      size="small"
      title={t('supervision.checks')}
      extra={
        <Space>
          <Select allowClear style={{ width: 120 }} placeholder={t('supervision.result')} value={result} onChange={setResult} options={checkResults.map((r) => ({ value: r, label: t(supervisionLabel.result(r)) }))} />
          <ExcelActions base="/api/v1/supervision/checks" fileStem="supervision-checks" filters={{ planId, result }} canImport={false} />
        </Space>
      }
    >
      <Table<SupervisionCheck>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        onRow={(c) => ({ onClick: () => onOpen(c), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('supervision.checkedOn'), dataIndex: 'checkedOn', key: 'checkedOn', width: 110 },
          { title: t('supervision.unit'), dataIndex: 'unitName', key: 'unitName', width: 170 },
          { title: t('supervision.requirement'), dataIndex: 'requirement', key: 'requirement', ellipsis: true },
          { title: t('supervision.method'), dataIndex: 'method', key: 'method', width: 100, render: (m: SupervisionCheck['method']) => t(supervisionLabel.method(m)) },
          { title: t('supervision.inspector'), dataIndex: 'inspectorName', key: 'inspectorName', width: 90 },
          { title: t('supervision.result'), dataIndex: 'result', key: 'result', width: 100, render: (r: CheckResult) => <Tag color={resultColor[r]}>{t(supervisionLabel.result(r))}</Tag> },
          { title: t('supervision.comment'), dataIndex: 'comment', key: 'comment', ellipsis: true },
          { title: t('supervision.rectification'), key: 'task', width: 200, ellipsis: true, render: (_, c) => c.rectification?.title ?? '' },
        ]}
      />
    </Card>
  );
}

/** 督导计划: indicators, the units × indicators matrix of checks, the check list and the record-check drawer. */
export default function PlanPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: plan, isLoading, error } = usePlan(id);
  const checks = useChecks({ planId: id, page: 1, pageSize: 500 }, !!id);
  const [cell, setCell] = useState<CheckCell | null>(null);

  if (isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!plan) return <Result status="404" title={errorText(t, error)} extra={<Link to="/assess/supervision">{t('common.back')}</Link>} />;
  const items = checks.data?.items ?? [];
  const openCheck = (c: SupervisionCheck) => {
    const indicator = plan.indicators.find((i) => i.id === c.indicatorId);
    if (indicator) setCell({ indicator, unit: { id: c.unitId, name: c.unitName }, check: c });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="plan-page">
      <Card size="small">
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/assess/supervision?campaignId=${plan.campaignId}`)} />
          <Typography.Title level={4} style={{ margin: 0 }}>{plan.title}</Typography.Title>
          <Tag color="blue">{plan.month}</Tag>
          <Typography.Text type="secondary">{plan.campaignTitle}</Typography.Text>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.checkCount')} value={plan.checkCount} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.passRate')} value={plan.checkCount ? percent(plan.passCount / plan.checkCount) : '—'} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.result.partial')} value={plan.partialCount} valueStyle={{ color: '#fa8c16' }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.result.fail')} value={plan.failCount} valueStyle={{ color: '#f5222d' }} /></Card></Col>
      </Row>
      <IndicatorsCard plan={plan} />
      <CheckMatrix plan={plan} checks={items} loading={checks.isFetching} onOpen={setCell} />
      <ChecksCard planId={plan.id} checks={items} onOpen={openCheck} />
      <CheckDrawer month={plan.month} cell={cell} writable={plan.abilities.recordChecks} onClose={() => setCell(null)} />
    </Space>
  );
}
