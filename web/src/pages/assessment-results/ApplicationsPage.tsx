import { useState } from 'react';
import { Button, Card, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { resultApplicationKinds, type ResultApplication, type ResultApplicationKind } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useApplications, useResultSchemes } from './hooks';
import { appKindKey } from './labels';
import { ApplicationDrawer } from './components/ApplicationDrawer';
import { ApplicationTable } from './components/ApplicationTable';

/** 结果运用 (S14): commendations, promotion references and follow-up talks, filterable by scheme, kind and unit. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [f, setF] = useState<{ schemeId?: string; kind?: ResultApplicationKind; unitId?: string }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<ResultApplication | null | undefined>(undefined);
  const schemes = useResultSchemes();
  const { data, isFetching } = useApplications({ ...f, page, pageSize });
  const writable = can('assess.application.write');
  const set = (patch: Partial<typeof f>) => { setF({ ...f, ...patch }); setPage(1); };
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('results.scheme')} style={{ width: 260 }} value={f.schemeId} onChange={(v) => set({ schemeId: v })}
          options={(schemes.data?.items ?? []).filter((s) => s.status === 'published').map((s) => ({ value: s.id, label: s.title }))} />
        <Select allowClear placeholder={t('resultApp.kind')} style={{ width: 140 }} value={f.kind} onChange={(v) => set({ kind: v })}
          options={resultApplicationKinds.map((k) => ({ value: k, label: t(appKindKey(k)) }))} />
        <UnitTreeSelect placeholder={t('resultApp.target')} style={{ width: 200 }} value={f.unitId} onChange={(v: string | null) => set({ unitId: v ?? undefined })} />
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="application-new">{t('resultApp.new')}</Button>}
      </Space>
      <ApplicationTable items={data?.items ?? []} loading={isFetching} onEdit={writable ? (a) => setEditing(a) : undefined}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: (p, s) => { setPage(p); setPageSize(s); } }} />
      <ApplicationDrawer open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
