import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Tag, Tooltip, Tree } from 'antd';
import { FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Goal } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { goalTree, useGoals, type GoalNode } from './hooks';
import { GoalFormDrawer } from './components/GoalFormDrawer';

interface DrawerState {
  track: Goal['track'];
  editing: Goal | null;
  parentId: string | null;
}

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children?: TreeNode[];
}

const trackStyle: Record<Goal['track'], { color: string; bg: string }> = {
  party: { color: '#b71c1c', bg: '#fdecea' },
  business: { color: '#0d47a1', bg: '#e8f0fe' },
};

function GoalTitle({ g, writable, onAddChild }: { g: Goal; writable: boolean; onAddChild: () => void }) {
  const { t } = useTranslation();
  return (
    <Space size={6} data-testid="goal-node">
      {g.code && (
        <Tag bordered={false} color={g.track === 'party' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {g.code}
        </Tag>
      )}
      <span style={{ fontWeight: g.parentId ? 400 : 600 }}>{g.name}</span>
      {(g.taskCount > 0 || g.studyCount > 0) && (
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('goal.usage', { tasks: g.taskCount, studies: g.studyCount })}</span>
      )}
      {writable && !g.parentId && (
        <Tooltip title={t('goal.newChild')}>
          <Button
            type="text"
            size="small"
            icon={<PlusOutlined />}
            aria-label={t('goal.newChild')}
            onClick={(e) => {
              e.stopPropagation();
              onAddChild();
            }}
          />
        </Tooltip>
      )}
    </Space>
  );
}

function TrackCard({ track, goals, writable, onOpen }: { track: Goal['track']; goals: Goal[]; writable: boolean; onOpen: (s: DrawerState) => void }) {
  const { t } = useTranslation();
  const tree = useMemo(() => goalTree(goals, track), [goals, track]);
  const byId = useMemo(() => new Map(goals.map((g) => [g.id, g])), [goals]);
  const style = trackStyle[track];
  const toNodes = (nodes: GoalNode[]): TreeNode[] =>
    nodes.map((n) => ({
      key: n.key,
      title: <GoalTitle g={n.goal} writable={writable} onAddChild={() => onOpen({ track, editing: null, parentId: n.goal.id })} />,
      ...(n.children ? { children: toNodes(n.children) } : {}),
    }));
  return (
    <Card
      size="small"
      data-testid={`goal-track-${track}`}
      title={
        <Space>
          <FlagOutlined style={{ color: style.color }} />
          <span style={{ color: style.color }}>{t(track === 'party' ? 'goal.track.party' : 'goal.track.business')}</span>
        </Space>
      }
      styles={{ header: { background: style.bg } }}
      extra={
        writable && (
          <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => onOpen({ track, editing: null, parentId: null })} data-testid={`goal-new-${track}`}>
            {t('goal.new')}
          </Button>
        )
      }
    >
      {tree.length ? (
        <Tree
          blockNode
          defaultExpandAll
          selectable
          selectedKeys={[]}
          treeData={toNodes(tree)}
          onSelect={(_k, info) => {
            const g = byId.get(String(info.node.key));
            if (g) onOpen({ track, editing: g, parentId: g.parentId });
          }}
        />
      ) : (
        <Empty description={t('goal.empty')} />
      )}
    </Card>
  );
}

export default function GoalsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, isLoading } = useGoals();
  const [drawer, setDrawer] = useState<DrawerState | null>(null);
  const goals = data?.items ?? [];
  const writable = can('plan.goal.write');

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Alert type="info" showIcon message={t('goal.hint')} style={{ padding: '4px 12px' }} />
        <ExcelActions base="/api/v1/goals" fileStem="goals" canImport={false} />
      </Space>
      {isLoading ? (
        <Spin style={{ display: 'block', margin: '60px auto' }} />
      ) : (
        <Row gutter={16}>
          {(['party', 'business'] as const).map((track) => (
            <Col xs={24} lg={12} key={track}>
              <TrackCard track={track} goals={goals} writable={writable} onOpen={setDrawer} />
            </Col>
          ))}
        </Row>
      )}
      <GoalFormDrawer
        open={!!drawer}
        track={drawer?.track ?? 'party'}
        editing={drawer?.editing ?? null}
        parentId={drawer?.parentId ?? null}
        goals={goals}
        writable={writable}
        onClose={() => setDrawer(null)}
      />
    </Space>
  );
}
