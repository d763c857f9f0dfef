import { Checkbox, DatePicker, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ragValues, taskCategories, taskStatuses } from '@santong/contract';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { PersonSelect } from '../../../components/PersonSelect';
import { taskLabel } from '../labels';
import type { TaskFilters } from '../hooks';
import { GoalTreeSelect } from './GoalTreeSelect';
import { RagDot } from './RagDot';

const csv = (v: string | undefined) => (v ? v.split(',') : []);
const join = (v: string[]) => (v.length ? v.join(',') : undefined);

/** Unit, leader, status, RAG, goal, category, due range, keyword; every change resets the page. */
export function TaskFilterBar({ value, onChange }: { value: TaskFilters; onChange: (f: TaskFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<TaskFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="task-filters">
      <Input.Search allowClear placeholder={t('task.search')} defaultValue={value.q} onSearch={(q) => set({ q: q || undefined })} style={{ width: 200 }} />
      <UnitTreeSelect placeholder={t('task.owner')} value={value.unitId} onChange={(v) => set({ unitId: v ?? undefined })} style={{ width: 200 }} />
      <PersonSelect placeholder={t('task.leader')} value={value.leaderId} onChange={(v) => set({ leaderId: v ?? undefined })} style={{ width: 180 }} />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('task.status')}
        value={csv(value.status)}
        onChange={(v: string[]) => set({ status: join(v) })}
        options={taskStatuses.map((s) => ({ value: s, label: t(taskLabel.status(s)) }))}
        style={{ minWidth: 140 }}
        data-testid="filter-status"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('task.rag')}
        value={csv(value.rag)}
        onChange={(v: string[]) => set({ rag: join(v) })}
        options={ragValues.map((r) => ({ value: r, label: <Space size={4}><RagDot rag={r} />{t(taskLabel.rag(r))}</Space> }))}
        style={{ minWidth: 120 }}
        data-testid="filter-rag"
      />
      <GoalTreeSelect placeholder={t('task.goal')} value={value.goalId ?? null} onChange={(v) => set({ goalId: v ?? undefined })} style={{ width: 200 }} />
      <Select
        allowClear
        placeholder={t('task.category')}
        value={value.category}
        onChange={(v) => set({ category: v })}
        options={taskCategories.map((c) => ({ value: c, label: t(taskLabel.category(c)) }))}
        style={{ width: 120 }}
      />
      <DatePicker.RangePicker
        placeholder={[t('task.dueRange'), t('task.dueRange')]}
        value={value.dueFrom && value.dueTo ? [dayjs(value.dueFrom), dayjs(value.dueTo)] : null}
        onChange={(r) => set({ dueFrom: r?.[0]?.format('YYYY-MM-DD'), dueTo: r?.[1]?.format('YYYY-MM-DD') })}
      />
      <Checkbox checked={value.followed === 'true'} onChange={(e) => set({ followed: e.target.checked ? 'true' : undefined })}>
        {t('task.followedOnly')}
      </Checkbox>
      {/* hidden filters a link can set (the cockpit): shown so they can be cleared */}
      {value.ownerUnitId && <Tag closable onClose={() => set({ ownerUnitId: undefined })} data-testid="filter-owner-only">{t('cockpit.filter.ownerOnly')}</Tag>}
      {value.fused === 'true' && <Tag closable onClose={() => set({ fused: undefined })}>{t('cockpit.filter.fused')}</Tag>}
      <Checkbox checked={value.unsignedOverdue === 'true'} onChange={(e) => set({ unsignedOverdue: e.target.checked ? 'true' : undefined })}>
        {t('task.unsignedOverdue')}
      </Checkbox>
    </Space>
  );
}
