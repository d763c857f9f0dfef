import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Segmented, Select, Space } from 'antd';
import { ApartmentOutlined, BarsOutlined, PlusOutlined, ProjectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Task } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import type { Query } from '../../app/api';
import { taskKeys, useCampaignOptions, useFusion, useTasks, type TaskFilters } from './hooks';
import { TaskFilterBar } from './components/TaskFilterBar';
import { TaskTreeTable } from './components/TaskTreeTable';
import { TaskBoard } from './components/TaskBoard';
import { TaskTimeline } from './components/TaskTimeline';
import { FusionPanel } from './components/FusionPanel';
import { TaskDrawer, type DrawerState } from './components/TaskDrawer';
import { TaskExcelActions } from './components/TaskExcelActions';

type View = 'tree' | 'board' | 'timeline';
const filterKeys = ['q', 'unitId', 'subtree', 'ownerUnitId', 'leaderId', 'status', 'rag', 'goalId', 'category', 'fused', 'dueFrom', 'dueTo', 'followed', 'unsignedOverdue'] as const;

/** Filters may come in the address (the leader home page links to ?rag=red&unitId=…, the cockpit to ?ownerUnitId=…&status=…). */
function filtersFrom(params: URLSearchParams): TaskFilters {
  const f: Record<string, string> = {};
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f as TaskFilters;
}

const hasFilters = (f: TaskFilters) => Object.values(f).some((v) => v !== undefined && v !== '');

function Toolbar(p: { campaignId?: string; onCampaign: (id: string | undefined) => void; view: View; onView: (v: View) => void; filters: TaskFilters; sort?: string; onNew: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const campaigns = useCampaignOptions();
  const { campaignId, onCampaign } = p;
  useEffect(() => {
    if (campaignId || !campaigns.data) return;
    const active = campaigns.data.items.find((c) => c.status === 'active') ?? campaigns.data.items[0];
    if (active) onCampaign(active.id);
  }, [campaigns.data, campaignId, onCampaign]);
  return (
    <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 280 }}
          value={campaignId ?? ''}
          onChange={(v) => onCampaign(v || undefined)}
          loading={campaigns.isLoading}
          options={[{ value: '', label: t('task.allCampaigns') }, ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]}
          data-testid="task-campaign"
        />
        <Segmented<View>
          value={p.view}
          onChange={p.onView}
          options={[
            { value: 'tree', label: t('task.view.tree'), icon: <ApartmentOutlined /> },
            { value: 'board', label: t('task.view.board'), icon: <ProjectOutlined /> },
            { value: 'timeline', label: t('task.view.timeline'), icon: <BarsOutlined /> },
          ]}
          data-testid="task-view"
        />
      </Space>
      <Space wrap>
        {can('plan.task.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={p.onNew} data-testid="task-new">
            {t('task.new')}
          </Button>
        )}
        <TaskExcelActions campaignId={campaignId} filters={{ ...p.filters, sort: p.sort } as Query} canImport={can('plan.task.import')} onImported={() => void qc.invalidateQueries({ queryKey: taskKeys.all })} />
      </Space>
    </Space>
  );
}

export default function TasksPage() {
  const { t } = useTranslation();
  const onError = useApiError();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<TaskFilters>(() => filtersFrom(params));
  const [campaignId, setCampaignId] = useState<string | undefined>(params.get('campaignId') ?? undefined);
  const [view, setView] = useState<View>('tree');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<DrawerState | null>(() => (params.get('task') ? { id: params.get('task'), parent: null } : null));

  // The tree starts at the top level when nothing filters it; board and timeline show the filtered tasks flat.
  const tree = view === 'tree' && !hasFilters(filters);
  const flat = view !== 'tree';
  const query = useMemo(
    () => ({ ...filters, campaignId, ...(tree ? { root: 'true' as const } : {}), page: flat ? 1 : page, pageSize: flat ? 500 : pageSize, sort: flat ? 'startDate' : sort }),
    [filters, campaignId, tree, flat, page, pageSize, sort],
  );
  const { data, isFetching, error } = useTasks(query);
  const fusion = useFusion(campaignId);
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
  const onCampaign = useCallback((id: string | undefined) => {
    setCampaignId(id);
    setPage(1);
  }, []);

  const open = (k: Task) => setDrawer({ id: k.id, parent: null });
  const items = data?.items ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <FusionPanel report={fusion.data} />
      <Card size="small" styles={{ body: { paddingTop: 16 } }}>
        <Toolbar campaignId={campaignId} onCampaign={onCampaign} view={view} onView={setView} filters={filters} sort={sort} onNew={() => setDrawer({ id: null, parent: null })} />
        <TaskFilterBar
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        {view === 'tree' && !tree && <Alert type="info" showIcon message={t('task.flatHint')} style={{ marginBottom: 8 }} />}
        {view === 'tree' && (
          <TaskTreeTable
            items={items}
            total={data?.total ?? 0}
            loading={isFetching}
            tree={tree}
            page={page}
            pageSize={pageSize}
            sort={sort}
            onSort={(next) => {
              setSort(next);
              setPage(1);
            }}
            onPage={(p, size) => {
              setPage(p);
              setPageSize(size);
            }}
            onOpen={open}
          />
        )}
        {view === 'board' && <TaskBoard items={items} onOpen={open} />}
        {view === 'timeline' && <TaskTimeline items={items} onOpen={open} />}
      </Card>
      <TaskDrawer state={drawer} campaignId={campaignId} onClose={() => setDrawer(null)} onNavigate={setDrawer} />
    </Space>
  );
}
