import { useEffect } from 'react';
import { App, AutoComplete, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { mediumSuggestions, outcomeKinds, outcomeLevels, type Outcome } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { AttachmentList } from '../../study/components/AttachmentList';
import { useAreas, useSaveOutcome, type OutcomeFormValues } from '../hooks';
import { outcomeLabel } from '../labels';
import { PeopleSelect } from './PeopleSelect';

interface Props {
  open: boolean;
  editing: Outcome | null;
  onClose: () => void;
}

type FormShape = Omit<OutcomeFormValues, 'publishedOn'> & { publishedOn: dayjs.Dayjs };

/** Register or edit one outcome; its files attach once it is saved. */
export function OutcomeFormDrawer({ open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const onError = useApiError();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveOutcome();
  const areas = useAreas();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, personIds: editing.people.map((p) => p.id), publishedOn: dayjs(editing.publishedOn) });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values: { ...v, publishedOn: v.publishedOn.format('YYYY-MM-DD') } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={560}
      title={t(editing ? 'outcome.edit' : 'outcome.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="outcome-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormShape> form={form} layout="vertical">
        <Form.Item name="kind" label={t('outcome.kind')} rules={required}>
          <Select id="kind" options={outcomeKinds.map((k) => ({ value: k, label: t(outcomeLabel.kind(k)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('outcome.title')} rules={[...required, { whitespace: true }, { max: 300 }]}>
          <Input id="title" maxLength={300} />
        </Form.Item>
        <Form.Item name="unitId" label={t('outcome.unit')} rules={required}>
          <UnitTreeSelect id="unitId" allowClear={false} />
        </Form.Item>
        <Form.Item name="personIds" label={t('outcome.people')}>
          <PeopleSelect id="personIds" known={editing?.people} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="level" label={t('outcome.level')} rules={required}>
            <Select id="level" style={{ width: 140 }} options={outcomeLevels.map((l) => ({ value: l, label: t(outcomeLabel.level(l)) }))} />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('outcome.publishedOn')} rules={required}>
            <DatePicker id="publishedOn" />
          </Form.Item>
        </Space>
        <Form.Item name="medium" label={t('outcome.medium')} rules={[{ max: 100 }]}>
          <AutoComplete id="medium" options={mediumSuggestions.map((m) => ({ value: m }))} filterOption placeholder={t('outcome.mediumHint')} />
        </Form.Item>
        <Form.Item name="link" label={t('outcome.link')} rules={[{ type: 'url' }]}>
          <Input id="link" placeholder="https://" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('outcome.area')}>
          <Select id="areaCode" allowClear options={(areas.data?.items ?? []).map((a) => ({ value: a.code, label: a.name }))} />
        </Form.Item>
        <Form.Item label={t('outcome.files')}>
          <AttachmentList entity="outcome" entityId={editing?.id} writable={can('execute.outcome.write')} saveFirstText={t('outcome.saveFirst')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
