import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Cockpit } from '@santong/contract';
import type { CockpitFilters } from '../hooks';
import { links } from '../links';

const pct = (r: number) => Math.round(r * 1000) / 10;

interface Kpi {
  key: string;
  title: string;
  value: number;
  suffix?: string;
  note?: string;
  to: string;
  color?: string;
}

/** The headline numbers; each opens the list it counts. */
export function KpiRow({ data, filters, dark }: { data: Cockpit; filters: CockpitFilters; dark?: boolean }) {
  const { t } = useTranslation();
  const c = data;
  const media = c.outcomes.byKind.find((k) => k.key === 'media_report')?.count ?? 0;
  const kpis: Kpi[] = [
    { key: 'tasks', title: t('cockpit.kpi.tasks'), value: c.fusion.overall.total, to: links.tasks(filters, c, { status: 'planned,in_progress,done' }) },
    { key: 'fusion', title: t('cockpit.kpi.fusion'), value: pct(c.fusion.overall.ratio), suffix: '%', note: t('cockpit.kpi.fusedOf', { fused: c.fusion.overall.fused, total: c.fusion.overall.total }), to: links.fused(filters, c), color: '#c62828' },
    { key: 'red', title: t('cockpit.kpi.red'), value: c.tasks.rag.red, to: links.rag(filters, c, 'red'), color: '#f5222d' },
    { key: 'outcomes', title: t('cockpit.kpi.outcomes'), value: c.outcomes.total, to: links.outcomes(filters, c) },
    { key: 'media', title: t('cockpit.kpi.media'), value: media, to: links.outcomes(filters, c, { kind: 'media_report' }) },
    { key: 'passRate', title: t('cockpit.kpi.passRate'), value: pct(c.supervision.passRate), suffix: '%', note: t('cockpit.kpi.checks', { count: c.supervision.total }), to: links.supervision() },
    { key: 'followUps', title: t('cockpit.kpi.followUps'), value: c.followUps.open, note: t('cockpit.kpi.overdue', { count: c.followUps.overdue }), to: links.followUps(filters, { status: 'open' }) },
    { key: 'lectures', title: t('cockpit.kpi.lectures'), value: c.lectures.held, note: t('cockpit.kpi.audience', { count: c.lectures.audience }), to: links.lectures(c) },
  ];
  const text = dark ? { color: '#e6f0ff' } : undefined;
  return (
    <Row gutter={[12, 12]}>
      {kpis.map((k) => (
        <Col key={k.key} xs={12} md={6} xl={3}>
          <Link to={k.to} data-testid={`kpi-${k.key}`}>
            <Card size="small" hoverable className={dark ? 'st-screen-card' : undefined} styles={{ body: { padding: dark ? 16 : 12 } }}>
              <Statistic
                title={<span style={text}>{k.title}</span>}
                value={k.value}
                suffix={k.suffix}
                valueStyle={{ color: k.color ?? (dark ? '#ffd666' : undefined), fontSize: dark ? 38 : 26 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: dark ? 14 : 12, ...(dark ? { color: '#9fb3d1' } : {}) }}>{k.note ?? '\u00a0'}</Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
