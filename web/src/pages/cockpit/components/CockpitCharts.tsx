import type { ReactNode } from 'react';
import { Card, Col, Empty, Row, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Cockpit } from '@santong/contract';
import { EChart, type EChartClick, type EChartOption } from '../../../components/EChart';
import type { CockpitFilters } from '../hooks';
import { links } from '../links';
import { barOption, fusionOption, pieOption, progressOption, ragColor, ragOption, supervisionOption } from './options';

interface ChartCardProps {
  title: string;
  testId: string;
  option: EChartOption;
  empty: boolean;
  height: number;
  dark?: boolean;
  onClick?: (e: EChartClick) => void;
  extra?: ReactNode;
}

function ChartCard({ title, testId, option, empty, height, dark, onClick, extra }: ChartCardProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra} className={dark ? 'st-screen-card' : undefined} data-testid={`card-${testId}`}>
      {empty ? (
        <Empty description={t('home.noData')} style={{ height: height - 40 }} />
      ) : (
        <EChart option={option} height={height} testId={`chart-${testId}`} onClick={onClick} theme={dark ? 'dark' : undefined} renderer="svg" />
      )}
    </Card>
  );
}

const grow = (n: number, per = 26, min = 240) => Math.max(min, n * per + 60);

type Props = { data: Cockpit; filters: CockpitFilters; dark?: boolean };
const byIndex = <T,>(list: T[]) => (e: EChartClick) => list[e.dataIndex];

/** 同部署/同落实: progress by unit and status, red/amber/green, fusion by unit. */
function TaskCharts({ data: c, filters: f, dark }: Props) {
  const { t } = useTranslation();
  const go = useNavigate();
  const h = dark ? 1.15 : 1;
  return (
    <>
      <Col xs={24} xl={14}>
        <ChartCard title={t('cockpit.chart.progress')} testId="progress" dark={dark} empty={!c.tasks.byUnit.length} height={grow(c.tasks.byUnit.length) * h}
          option={progressOption(c, t, !!dark)}
          onClick={(e) => go(links.unitStatus(f, c, c.tasks.byUnit[e.dataIndex].unitId, String(e.seriesId)))} />
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <ChartCard title={t('cockpit.chart.rag')} testId="rag" dark={dark} empty={!c.tasks.total} height={250 * h} option={ragOption(c, t, !!dark)}
              onClick={(e) => go(links.rag(f, c, (['red', 'amber', 'green'] as const)[e.dataIndex]))} />
          </Col>
          <Col span={24}>
            <ChartCard title={t('cockpit.chart.fusion')} testId="fusion" dark={dark} empty={!c.fusion.byUnit.length} height={grow(c.fusion.byUnit.length, 20, 200) * h}
              option={fusionOption(c, t, !!dark)} onClick={(e) => go(links.fused(f, c, c.fusion.byUnit[e.dataIndex].unitId))} />
          </Col>
        </Row>
      </Col>
    </>
  );
}

/** 成效: outcomes by kind, level and medium. */
function OutcomeCharts({ data: c, filters: f, dark }: Props) {
  const { t } = useTranslation();
  const go = useNavigate();
  const h = dark ? 1.15 : 1;
  const kinds = c.outcomes.byKind.map((k) => ({ name: t(`outcome.kind.${k.key}` as never), value: k.count, key: k.key }));
  const levels = c.outcomes.byLevel.map((k) => ({ name: t(`outcome.level.${k.key}` as never), value: k.count, key: k.key }));
  const media = c.outcomes.byMedium.slice(0, 12).map((m) => ({ name: m.key, value: m.count, key: m.key }));
  return (
    <>
      <Col xs={24} md={12} xl={8}>
        <ChartCard title={t('cockpit.chart.outcomeKind')} testId="outcome-kind" dark={dark} empty={!kinds.length} height={280 * h} option={barOption(kinds, !!dark)}
          onClick={(e) => go(links.outcomes(f, c, { kind: byIndex(kinds)(e).key }))} />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <ChartCard title={t('cockpit.chart.outcomeLevel')} testId="outcome-level" dark={dark} empty={!levels.length} height={280 * h} option={pieOption(levels, !!dark)}
          onClick={(e) => go(links.outcomes(f, c, { level: byIndex(levels)(e).key }))} />
      </Col>
      <Col xs={24} md={24} xl={8}>
        <ChartCard title={t('cockpit.chart.media')} testId="media" dark={dark} empty={!media.length} height={280 * h} option={barOption(media, !!dark, '#1677ff')}
          onClick={(e) => go(links.outcomes(f, c, { kind: 'media_report', medium: byIndex(media)(e).key }))} />
      </Col>
    </>
  );
}

/** 同考核: supervision by month, research topics, follow-ups, the latest assessment. */
function AssessCharts({ data: c, filters: f, dark }: Props) {
  const { t } = useTranslation();
  const go = useNavigate();
  const h = dark ? 1.15 : 1;
  const research = c.research.byStatus.map((s) => ({ name: t(`research.status.${s.key}` as never), value: s.count, key: s.key }));
  const fu = c.followUps;
  const followUps = [
    { name: t('cockpit.followUps.open'), value: fu.open - fu.overdue, key: 'open', color: '#1677ff' },
    { name: t('cockpit.followUps.overdue'), value: fu.overdue, key: 'overdue', color: ragColor.red },
    { name: t('cockpit.followUps.closed'), value: fu.closed, key: 'closed', color: '#52c41a' },
  ];
  const followUpLink = (key: string) => links.followUps(f, key === 'overdue' ? { overdue: 'true' } : { status: key });
  const a = c.assessment;
  const grades = (a?.byGrade ?? []).map((g) => ({ name: g.label, value: g.count }));
  return (
    <>
      <Col xs={24} md={12} xl={8}>
        <ChartCard title={t('cockpit.chart.supervision')} testId="supervision" dark={dark} empty={!c.supervision.byMonth.length} height={260 * h} option={supervisionOption(c, t, !!dark)}
          onClick={(e) => go(links.supervision(c.supervision.byMonth[e.dataIndex]?.month))} />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <ChartCard title={t('cockpit.chart.research')} testId="research" dark={dark} empty={!research.length} height={260 * h} option={pieOption(research, !!dark)}
          onClick={(e) => go(links.research(byIndex(research)(e).key))} />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <ChartCard title={t('cockpit.chart.followUps')} testId="follow-ups" dark={dark} empty={!fu.total} height={260 * h} option={pieOption(followUps, !!dark)}
          onClick={(e) => go(followUpLink(byIndex(followUps)(e).key))} />
      </Col>
      <Col xs={24} md={12} xl={10}>
        <ChartCard title={a ? `${t('cockpit.chart.grades')} · ${a.title}` : t('cockpit.chart.grades')} testId="grades" dark={dark} empty={!a || !a.ranking.length} height={260 * h}
          option={pieOption(grades, !!dark)} onClick={() => a && go(links.results(a.schemeId))} />
      </Col>
      <Col xs={24} md={12} xl={14}>
        <RankingCard data={c} dark={dark} />
      </Col>
    </>
  );
}

function RankingCard({ data: c, dark }: { data: Cockpit; dark?: boolean }) {
  const { t } = useTranslation();
  const a = c.assessment;
  return (
    <Card size="small" title={t('cockpit.chart.ranking')} className={dark ? 'st-screen-card' : undefined} data-testid="card-ranking"
      extra={a ? <Link to={links.results(a.schemeId)}>{a.title}</Link> : null}>
      {!a ? <Empty description={t('cockpit.noAssessment')} /> : (
        <Table size="small" rowKey="targetId" pagination={false} dataSource={a.ranking.slice(0, 8)} scroll={{ y: dark ? 265 : 230 }}
          columns={[
            { title: t('cockpit.ranking.rank'), dataIndex: 'rank', width: 70 },
            { title: t('cockpit.ranking.unit'), dataIndex: 'name' },
            { title: t('cockpit.ranking.total'), dataIndex: 'total', width: 90, render: (v: number) => v.toFixed(2) },
            { title: t('cockpit.ranking.grade'), dataIndex: 'gradeLabel', width: 90, render: (v: string, r) => <Tag color={r.vetoed ? 'red' : r.rank <= 3 ? 'gold' : 'blue'}>{v}</Tag> },
          ]} />
      )}
    </Card>
  );
}

/** Every chart of the cockpit; a click on a segment opens the list behind it. */
export function CockpitCharts(props: Props) {
  return (
    <Row gutter={[12, 12]}>
      <TaskCharts {...props} />
      <OutcomeCharts {...props} />
      <AssessCharts {...props} />
    </Row>
  );
}
