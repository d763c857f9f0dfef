import { useMemo } from 'react';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { ApartmentOutlined, BarChartOutlined, DesktopOutlined, FlagOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { politicalStatuses, unitKinds } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useUnitList } from '../../app/queries';
import { label } from '../../locales/keys';
import { usePeopleStats, usePeopleTotal } from './hooks';
import { WelcomeCard } from './components/WelcomeCard';
import { DistributionChart } from './components/DistributionChart';
import { LeaderDutyView } from './components/leader/LeaderDutyView';
import { OfficeLeaderSummary } from './components/leader/OfficeLeaderSummary';

export default function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const units = useUnitList();
  const people = usePeopleTotal();
  const stats = usePeopleStats();

  const chart = useMemo(() => {
    if (stats.data) {
      return {
        title: t('home.chart.political'),
        data: politicalStatuses.map((s) => ({ name: t(label.political(s)), value: stats.data?.[s] ?? 0 })),
      };
    }
    const items = units.data?.items ?? [];
    return {
      title: t('home.chart.unitKinds'),
      data: unitKinds
        .map((k) => ({ name: t(label.unitKind(k)), value: items.filter((u) => u.kind === k).length }))
        .filter((d) => d.value > 0),
    };
  }, [stats.data, units.data, t]);

  if (!user) return null;
  const partyUnits = units.data?.items.filter((u) => u.track === 'party').length;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <WelcomeCard user={user} />
      </Col>
      <Col xs={24} lg={14}>
        <Row gutter={[16, 16]}>
          {can('org.unit.read') && (
            <Col span={8}>
              <Card>
                <Statistic title={t('home.unitCount')} value={units.data?.total} loading={units.isLoading} prefix={<ApartmentOutlined />} />
              </Card>
            </Col>
          )}
          {can('org.unit.read') && (
            <Col span={8}>
              <Card>
                <Statistic title={t('home.partyUnits')} value={partyUnits} loading={units.isLoading} prefix={<FlagOutlined />} valueStyle={{ color: '#c62828' }} />
              </Card>
            </Col>
          )}
          {can('org.person.read') && (
            <Col span={8}>
              <Card>
                <Statistic title={t('home.peopleCount')} value={people.data} loading={people.isLoading} prefix={<TeamOutlined />} />
              </Card>
            </Col>
          )}
          {(can('org.unit.read') || can('org.person.read')) && (
            <Col span={24}>
              <DistributionChart title={chart.title} data={chart.data} emptyText={t('home.noData')} />
            </Col>
          )}
        </Row>
      </Col>
      {can('insight.cockpit.read') && (
        <Col span={24}>
          <Card size="small" data-testid="home-cockpit">
            <Space wrap>
              <BarChartOutlined style={{ color: '#c62828' }} />
              <Link to="/insight/cockpit">{t('menu.insight.cockpit')}</Link>
              <Link to="/insight/cockpit/screen">
                <Button size="small" icon={<DesktopOutlined />}>{t('cockpit.screen')}</Button>
              </Link>
            </Space>
          </Card>
        </Col>
      )}
      {/* 一岗双责: a leader sees their 分管/联系 units; the office sees every leader at a glance. */}
      {can('plan.leaderView.read') && user.roles.includes('leader') && (
        <Col span={24}>
          <LeaderDutyView />
        </Col>
      )}
      {can('plan.leaderView.read') && user.scope.kind === 'all' && (
        <Col span={24}>
          <OfficeLeaderSummary />
        </Col>
      )}
    </Row>
  );
}
