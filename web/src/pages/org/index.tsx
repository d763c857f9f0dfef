import { useEffect, useMemo, useState } from 'react';
import { Button, Col, Row, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { unitKeys, useUnitList } from '../../app/queries';
import { ExcelActions } from '../../components/ExcelActions';
import { pairingMap } from '../../components/unitTree';
import { UnitTreePanel, type TrackFilter } from './components/UnitTreePanel';
import { UnitDetailPanel } from './components/UnitDetailPanel';
import { UnitFormDrawer } from './components/UnitFormDrawer';
import { LeaderDuties } from './components/LeaderDuties';

interface DrawerState {
  editing: Unit | null;
  parentId: string | null;
}

function UnitsTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [track, setTrack] = useState<TrackFilter>('all');
  const [q, setQ] = useState('');
  const [drawer, setDrawer] = useState<DrawerState | null>(null);
  const { data, isLoading } = useUnitList();
  const units = useMemo(() => data?.items ?? [], [data]);
  const pairs = useMemo(() => pairingMap(units), [units]);

  const select = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('unit', id);
        else p.delete('unit');
        return p;
      },
      { replace: true },
    );

  // open on the top unit rather than an empty panel
  useEffect(() => {
    if (!selectedId && units.length) {
      const ids = new Set(units.map((u) => u.id));
      const root = units.filter((u) => !u.parentId || !ids.has(u.parentId)).sort((a, b) => a.sortOrder - b.sortOrder)[0];
      if (root) select(root.id);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, units]);

  return (
    <>
      <Space className="st-filter-bar" wrap>
        {can('org.unit.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null, parentId: null })} data-testid="unit-new">
            {t('org.unit.new')}
          </Button>
        )}
        <ExcelActions
          base="/api/v1/units"
          fileStem="units"
          filters={{ track: track === 'all' ? undefined : track, q: q.trim() || undefined }}
          canImport={can('org.import')}
          onImported={() => void qc.invalidateQueries({ queryKey: unitKeys.all })}
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <UnitTreePanel
            units={units}
            loading={isLoading}
            selectedId={selectedId}
            onSelect={select}
            track={track}
            onTrackChange={setTrack}
            q={q}
            onQChange={setQ}
          />
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <UnitDetailPanel
            unitId={selectedId}
            units={units}
            pairs={pairs}
            onSelect={select}
            onEdit={(u) => setDrawer({ editing: u, parentId: u.parentId })}
            onNewChild={(p) => setDrawer({ editing: null, parentId: p.id })}
            onDeleted={() => select(null)}
          />
        </Col>
      </Row>
      <UnitFormDrawer
        open={!!drawer}
        editing={drawer?.editing ?? null}
        parentId={drawer?.parentId}
        onClose={() => setDrawer(null)}
        onSaved={(u) => {
          setDrawer(null);
          if (u?.id) select(u.id);
        }}
      />
    </>
  );
}

export default function OrgPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'duties' && can('org.duty.read') ? 'duties' : 'units';
  const items = [
    { key: 'units', label: t('org.tab.units'), children: <UnitsTab /> },
    ...(can('org.duty.read') ? [{ key: 'duties', label: <span data-testid="tab-duties">{t('org.tab.duties')}</span>, children: <LeaderDuties /> }] : []),
  ];
  return (
    <Tabs
      activeKey={tab}
      items={items}
      onChange={(k) =>
        setParams(
          (p) => {
            if (k === 'duties') p.set('tab', 'duties');
            else p.delete('tab');
            return p;
          },
          { replace: true },
        )
      }
    />
  );
}
