import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExchangeMeeting } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { AttachmentList } from '../../study/components/AttachmentList';
import { useSaveExchange, type ExchangeValues } from '../hooks';
import { PresentersInput } from './PresentersInput';

interface Props {
  open: boolean;
  editing: ExchangeMeeting | null;
  writable: boolean;
  onClose: () => void;
}

/** The exchange is usually held on the month's last Thursday: a sensible default date. */
function lastThursday(m: dayjs.Dayjs): dayjs.Dayjs {
  const end = m.endOf('month').startOf('day');
  return end.subtract((end.day() + 7 - 4) % 7, 'day');
}

type FormShape = Omit<ExchangeValues, 'month' | 'heldOn'> & { month: dayjs.Dayjs; heldOn: dayjs.Dayjs };

/** One month's exchange: date, presenters, topics, summary; files attach once saved. Read-only for readers. */
export function ExchangeDrawer({ open, editing, writable, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveExchange();
  const [current, setCurrent] = useState<ExchangeMeeting | null>(null);

  useEffect(() => {
    if (!open) return;
    setCurrent(editing);
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, month: dayjs(`${editing.month}-01`), heldOn: dayjs(editing.heldOn) });
    else form.setFieldsValue({ month: dayjs().startOf('month'), heldOn: dayjs() });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing: current, values: { ...v, month: v.month.format('YYYY-MM'), heldOn: v.heldOn.format('YYYY-MM-DD') } });
      void message.success(t(current ? 'common.saved' : 'common.created'));
      setCurrent(saved);
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={600}
      title={t(!writable ? 'exchange.view' : current ? 'exchange.edit' : 'exchange.new')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="exchange-save">{t('common.save')}</Button>
          </Space>
        )
      }
    >
      <Form<FormShape> form={form} layout="vertical" disabled={!writable}>
        <Space size="large" wrap>
          <Form.Item name="month" label={t('exchange.month')} rules={required}>
            <DatePicker id="month" picker="month" onChange={(m) => m && form.setFieldValue('heldOn', lastThursday(m))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('exchange.heldOn')} rules={required}>
            <DatePicker id="heldOn" />
          </Form.Item>
        </Space>
        <Form.Item name="presenters" label={t('exchange.presenters')} extra={t('exchange.presentersHint')} rules={[...required, { max: 1000 }]}>
          <PresentersInput id="presenters" />
        </Form.Item>
        <Form.Item name="topics" label={t('exchange.topics')} extra={t('exchange.topicsHint')} rules={[...required, { whitespace: true }, { max: 2000 }]}>
          <Input.TextArea id="topics" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="summary" label={t('exchange.summary')} rules={[{ max: 10000 }]}>
          <Input.TextArea id="summary" autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
        </Form.Item>
      </Form>
      <Form layout="vertical">
        <Form.Item label={t('exchange.files')}>
          <AttachmentList entity="exchange_meeting" entityId={current?.id} writable={writable} saveFirstText={t('exchange.saveFirst')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
