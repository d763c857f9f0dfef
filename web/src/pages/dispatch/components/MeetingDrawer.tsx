import { useEffect } from 'react';
import { App, Button, DatePicker, Divider, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DispatchMeetingSummary, FollowUpItem } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCreateFollowUp, useFollowUps, useSaveMeeting } from '../hooks';

interface Props {
  open: boolean;
  meeting: DispatchMeetingSummary | null;
  onClose: () => void;
}

type MeetingForm = { heldOn?: dayjs.Dayjs | null; chairPersonId?: string | null; attendees?: string | null; minutes?: string | null };
type DecisionForm = { title: string; ownerUnitId: string; dueDate: dayjs.Dayjs };

function Decisions({ meeting }: { meeting: DispatchMeetingSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<DecisionForm>();
  const list = useFollowUps({ meetingId: meeting.id, page: 1, pageSize: 100 });
  const create = useCreateFollowUp();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ campaignId: meeting.campaignId, meetingId: meeting.id, title: v.title.trim(), ownerUnitId: v.ownerUnitId, dueDate: v.dueDate.format('YYYY-MM-DD') });
      form.resetFields();
      void message.success(t('common.created'));
    } catch (e) {
      onError(e, { form });
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Divider orientation="left">{t('dispatch.decisions')}</Divider>
      <Table<FollowUpItem>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('followUp.title'), dataIndex: 'title' },
          { title: t('followUp.ownerUnit'), dataIndex: 'ownerUnitName', width: 140 },
          { title: t('followUp.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('followUp.status'), dataIndex: 'status', width: 80, render: (s: FollowUpItem['status']) => <Tag color={s === 'done' ? 'green' : 'blue'}>{t(`followUp.status.${s}`)}</Tag> },
        ]}
      />
      <Form<DecisionForm> form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item name="title" label={t('followUp.title')} rules={[...required, { whitespace: true }, { max: 500 }]}>
          <Input.TextArea id="title" rows={2} maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="ownerUnitId" label={t('followUp.ownerUnit')} rules={required}>
            <UnitTreeSelect id="ownerUnitId" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('followUp.dueDate')} rules={required}>
            <DatePicker id="dueDate" />
          </Form.Item>
          <Form.Item label=" ">
            <Button onClick={() => void add()} loading={create.isPending} data-testid="decision-add">{t('dispatch.addDecision')}</Button>
          </Form.Item>
        </Space>
      </Form>
    </>
  );
}

/** The Monday meeting: date, chair, attendees, minutes; its decisions become follow-up items. */
export function MeetingDrawer({ open, meeting, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<MeetingForm>();
  const save = useSaveMeeting();

  useEffect(() => {
    if (!open || !meeting) return;
    form.resetFields();
    form.setFieldsValue({ ...meeting, heldOn: meeting.heldOn ? dayjs(meeting.heldOn) : null });
  }, [open, meeting, form]);

  const submit = async () => {
    if (!meeting) return;
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ id: meeting.id, version: meeting.version, values: { ...v, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : null } });
      void message.success(t('common.saved'));
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Drawer
      open={open}
      forceRender
      width={720}
      title={`${t('dispatch.meeting')} · ${meeting?.isoWeek ?? ''}`}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="meeting-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form<MeetingForm> form={form} layout="vertical">
        <Space wrap size="large">
          <Form.Item name="heldOn" label={t('dispatch.heldOn')}>
            <DatePicker id="heldOn" />
          </Form.Item>
          <Form.Item name="chairPersonId" label={t('dispatch.chair')}>
            <PersonSelect id="chairPersonId" initialLabel={meeting?.chairName} style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Form.Item name="attendees" label={t('dispatch.attendees')} rules={[{ max: 2000 }]}>
          <Input.TextArea id="attendees" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="minutes" label={t('dispatch.minutes')} rules={[{ max: 20000 }]}>
          <Input.TextArea id="minutes" rows={8} maxLength={20000} />
        </Form.Item>
      </Form>
      {meeting && <Decisions meeting={meeting} />}
    </Drawer>
  );
}
