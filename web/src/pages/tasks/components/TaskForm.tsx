import { useMemo } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Slider, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { taskCategories, taskRecurrences, taskStatuses, type Task } from '@santong/contract';
import { useUnitList } from '../../../app/queries';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { PersonSelect } from '../../../components/PersonSelect';
import { taskLabel } from '../labels';
import type { TaskFormValues } from '../hooks';
import { GoalTreeSelect } from './GoalTreeSelect';

const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export function formValuesOf(k: Task): TaskFormValues {
  return {
    title: k.title,
    description: k.description,
    category: k.category,
    ownerUnitId: k.ownerUnitId,
    coUnitIds: k.coUnitIds,
    responsiblePersonId: k.responsiblePersonId,
    startDate: k.startDate,
    dueDate: k.dueDate,
    weight: k.weight,
    status: k.status,
    progress: k.progress,
    partyGoalIds: k.goals.filter((g) => g.track === 'party').map((g) => g.id),
    businessGoalIds: k.goals.filter((g) => g.track === 'business').map((g) => g.id),
    recurrence: k.recurrence,
  };
}

/** The task's fields; goals are picked per track, the two together make a task fused. */
export function TaskForm({ form, editing, disabled, parent }: { form: FormInstance<TaskFormValues>; editing: Task | null; disabled: boolean; parent: Task | null }) {
  const { t } = useTranslation();
  const { data: units } = useUnitList();
  const unitOptions = useMemo(() => (units?.items ?? []).map((u) => ({ value: u.id, label: u.name })), [units]);
  const required = [{ required: true, message: t('common.required') }];
  const inParent = parent ?? null;
  return (
    <Form<TaskFormValues> form={form} layout="vertical" disabled={disabled} data-testid="task-form">
      <Form.Item name="title" label={t('task.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
        <Input id="title" maxLength={200} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="category" label={t('task.category')} rules={required} style={{ flex: 1 }}>
          <Select id="category" options={taskCategories.map((c) => ({ value: c, label: t(taskLabel.category(c)) }))} />
        </Form.Item>
        <Form.Item name="recurrence" label={t('task.recurrence')} style={{ flex: 1 }}>
          <Select id="recurrence" options={taskRecurrences.map((r) => ({ value: r, label: t(taskLabel.recurrence(r)) }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="ownerUnitId" label={t('task.owner')} rules={required}>
        <UnitTreeSelect id="ownerUnitId" allowClear={false} />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('task.coUnits')}>
        <Select id="coUnitIds" mode="multiple" allowClear showSearch optionFilterProp="label" options={unitOptions} />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t('task.leader')}>
        <PersonSelect id="responsiblePersonId" initialLabel={editing?.responsiblePersonName} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="startDate" label={t('task.startDate')} rules={required} style={{ flex: 1 }} extra={inParent ? `${inParent.startDate} ~ ${inParent.dueDate}` : undefined} {...dateProps}>
          <DatePicker id="startDate" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('task.dueDate')} rules={required} style={{ flex: 1 }} {...dateProps}>
          <DatePicker id="dueDate" style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="partyGoalIds" label={t('task.goals.party')}>
        <GoalTreeSelect id="partyGoalIds" track="party" multiple />
      </Form.Item>
      <Form.Item name="businessGoalIds" label={t('task.goals.business')}>
        <GoalTreeSelect id="businessGoalIds" track="business" multiple />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="status" label={t('task.status')} style={{ flex: 1 }}>
          <Select id="status" options={taskStatuses.map((s) => ({ value: s, label: t(taskLabel.status(s)) }))} />
        </Form.Item>
        <Form.Item name="weight" label={t('task.weight')} style={{ flex: 1 }}>
          <InputNumber id="weight" min={0} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="progress" label={t('task.progress')}>
        <Slider id="progress" min={0} max={100} marks={{ 0: '0', 50: '50%', 80: '80%', 100: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('task.description')} rules={[{ max: 4000 }]}>
        <Input.TextArea id="description" rows={3} maxLength={4000} />
      </Form.Item>
    </Form>
  );
}
