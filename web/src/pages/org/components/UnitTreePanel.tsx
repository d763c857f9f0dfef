import { useEffect, useMemo, useState } from 'react';
import { Card, Empty, Input, Segmented, Space, Spin, Tag, Tree, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@santong/contract';
import { TrackTag } from '../../../components/TrackTag';
import { buildUnitTree, pairingMap, type Track, type UnitNode } from '../../../components/unitTree';

export type TrackFilter = 'all' | Track;

interface Props {
  units: Unit[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  track: TrackFilter;
  onTrackChange: (t: TrackFilter) => void;
  q: string;
  onQChange: (q: string) => void;
}

const allKeys = (nodes: UnitNode[]): string[] => nodes.flatMap((n) => (n.children ? [n.key, ...allKeys(n.children)] : []));

/** The unit tree in two tracks, with the 党/行 badge and the pairing of each unit. */
export function UnitTreePanel({ units, loading, selectedId, onSelect, track, onTrackChange, q, onQChange }: Props) {
  const { t } = useTranslation();
  const pairs = useMemo(() => pairingMap(units), [units]);
  const tree = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const matches = (u: Unit) =>
      (track === 'all' || u.track === track) &&
      (!needle || u.name.toLowerCase().includes(needle) || (u.shortName ?? '').toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle));
    const shown = track === 'all' ? units : units.filter((u) => u.track === track);
    return buildUnitTree(shown, matches);
  }, [units, track, q]);

  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => setExpanded(allKeys(tree)), [tree]);

  const titleOf = (node: UnitNode) => {
    const u = node.unit;
    const paired = pairs.get(u.id);
    return (
      <span className="st-tree-title" data-testid={`unit-node-${u.code}`}>
        <TrackTag track={u.track} />
        <span>{u.name}</span>
        {paired && (
          <Tag bordered={false} color={paired.track === 'party' ? 'volcano' : 'geekblue'} icon={<SwapOutlined />} style={{ marginInlineStart: 4 }} data-testid="pair-tag">
            {paired.shortName || paired.name}
          </Tag>
        )}
      </span>
    );
  };

  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Segmented<TrackFilter>
          block
          value={track}
          onChange={onTrackChange}
          data-testid="track-filter"
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'party', label: t('unit.track.party') },
            { value: 'admin', label: t('unit.track.admin') },
          ]}
        />
        <Input.Search allowClear placeholder={t('org.unit.searchPlaceholder')} value={q} onChange={(e) => onQChange(e.target.value)} />
        {loading ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : tree.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <div style={{ maxHeight: 'calc(100vh - 320px)', minHeight: 300, overflow: 'auto' }}>
            <Tree<UnitNode>
              blockNode
              treeData={tree}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => onSelect((keys[0] as string | undefined) ?? selectedId)}
              titleRender={titleOf}
              data-testid="unit-tree"
            />
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.total', { total: units.length })}
        </Typography.Text>
      </Space>
    </Card>
  );
}
