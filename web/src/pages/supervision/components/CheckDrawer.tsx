import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { checkMethods, checkResults, type SupervisionCheck, type SupervisionIndicator } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { AttachmentList } from '../../study/components/AttachmentList';
import { useSaveCheck, type CheckValues } from '../hooks';
import { resultColor, supervisionLabel } from '../labels';

export interface CheckCell {
  indicator: SupervisionIndicator;
  unit: { id: string; name: string };
  check: SupervisionCheck | null;
}

interface Props {
  month: string;
  cell: CheckCell | null;
  writable: boolean;
  onClose: () => void;
}

type FormShape = Omit<CheckValues, 'checkedOn' | 'rectificationDueDate'> & { checkedOn: dayjs.Dayjs; rectificationDueDate?: dayjs.Dayjs };

/** Record or revise one unit's check against one indicator; evidence files attach once it is saved. */
export function CheckDrawer({ month, cell, writable, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, user } = useAuth();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveCheck();
  const [current, setCurrent] = useState<SupervisionCheck | null>(null);
  const result = Form.useWatch('result', form);

  useEffect(() => {
    if (!cell) return;
    setCurrent(cell.check);
    form.resetFields();
    const c = cell.check;
    const firstDay = dayjs(`${month}-01`);
    form.setFieldsValue(
      c
        ? { method: c.method, inspectorPersonId: c.inspectorPersonId, checkedOn: dayjs(c.checkedOn), result: c.result, comment: c.comment }
        : { method: 'onsite', inspectorPersonId: user?.personId ?? null, checkedOn: dayjs().isBefore(firstDay) ? firstDay : dayjs(), result: 'pass' },
    );
  }, [cell, month, form, user]);

  const submit = async () => {
    if (!cell) return;
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({
        editing: current,
        cell: { indicatorId: cell.indicator.id, unitId: cell.unit.id },
        values: { ...v, checkedOn: v.checkedOn.format('YYYY-MM-DD'), rectificationDueDate: v.rectificationDueDate?.format('YYYY-MM-DD') },
      });
      setCurrent(saved);
      void message.success(t(saved.rectification && !current?.rectification ? 'supervision.rectificationOpened' : 'common.saved'));
    } catch (e) {
      onError(e, { form });
    }
  };

  const opensTask = result && result !== 'pass' && !current?.rectificationTaskId;
  return (
    <Drawer
      open={!!cell}
      forceRender
      width={560}
      title={t(current ? 'supervision.editCheck' : 'supervision.recordCheck')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="check-save">{t('common.save')}</Button>
          </Space>
        )
      }
    >
      {cell && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('supervision.unit')}>{cell.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.requirement')}>{cell.indicator.requirement}</Descriptions.Item>
          {cell.indicator.evidence && <Descriptions.Item label={t('supervision.evidence')}>{cell.indicator.evidence}</Descriptions.Item>}
        </Descriptions>
      )}
      <Form<FormShape> form={form} layout="vertical" disabled={!writable}>
        <Form.Item name="result" label={t('supervision.result')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group id="result" optionType="button" buttonStyle="solid" options={checkResults.map((r) => ({ value: r, label: t(supervisionLabel.result(r)) }))} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="method" label={t('supervision.method')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group id="method" options={checkMethods.map((m) => ({ value: m, label: t(supervisionLabel.method(m)) }))} />
          </Form.Item>
          <Form.Item name="checkedOn" label={t('supervision.checkedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker id="checkedOn" />
          </Form.Item>
        </Space>
        <Form.Item name="inspectorPersonId" label={t('supervision.inspector')}>
          <PersonSelect id="inspectorPersonId" initialLabel={current?.inspectorName} />
        </Form.Item>
        <Form.Item name="comment" label={t('supervision.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea id="comment" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        {opensTask && (
          <Form.Item name="rectificationDueDate" label={t('supervision.rectificationDueDate')} extra={t('supervision.rectificationDueHint')}>
            <DatePicker id="rectificationDueDate" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
      {current?.rectification && (
        <Alert
          type={result === 'pass' ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <Space wrap>
              {t('supervision.rectification')}
              {can('plan.task.read') ? <Link to={`/plan/tasks?task=${current.rectification.id}`}>{current.rectification.title}</Link> : current.rectification.title}
              <Tag color={resultColor[current.result]}>{current.rectification.dueDate}</Tag>
            </Space>
          }
          description={result === 'pass' ? t('supervision.rectificationKept') : undefined}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('supervision.evidenceFiles')}>
          <AttachmentList entity="supervision_check" entityId={current?.id} writable={writable} saveFirstText={t('supervision.saveFirst')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
