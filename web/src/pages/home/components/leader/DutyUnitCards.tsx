import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaderView } from '@santong/contract';
import { RagBadges } from './RagBadges';

interface Props {
  units: LeaderView['units'];
  selected: string | null;
  onSelect: (unitId: string | null) => void;
}

/** One card per 分管/联系 unit: its task colours and how many lectures and topics it has. */
export function DutyUnitCards({ units, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      {units.map((u) => (
        <Col key={u.unitId} xs={24} sm={12} xl={6}>
          <Card
            size="small"
            hoverable
            data-testid="duty-unit-card"
            onClick={() => onSelect(selected === u.unitId ? null : u.unitId)}
            style={{ borderTop: `3px solid ${u.kind === 'in_charge' ? '#c62828' : '#1565c0'}`, outline: selected === u.unitId ? '2px solid #c62828' : undefined }}
          >
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong ellipsis style={{ maxWidth: 180 }} title={u.unitName}>
                  {u.unitName}
                </Typography.Text>
                <Tag color={u.kind === 'in_charge' ? 'red' : 'blue'}>{t(`duty.kind.${u.kind}`)}</Tag>
              </Space>
              <RagBadges rag={u.rag} />
              <Space size="large">
                <Statistic title={t('leaderView.tasks')} value={u.taskCount} valueStyle={{ fontSize: 18 }} />
                <Statistic title={t('leaderView.lectures')} value={u.lectureCount} valueStyle={{ fontSize: 18 }} />
                <Statistic title={t('leaderView.topics')} value={u.topicCount} valueStyle={{ fontSize: 18 }} />
              </Space>
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
