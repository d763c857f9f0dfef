import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { resultApplicationKinds, type ResultApplication } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { useResultSchemes, useResultTable, useSaveApplication, type ApplicationFormValues } from '../hooks';
import { appKindKey } from '../labels';

type Shape = Omit<ApplicationFormValues, 'talkedOn' | 'followUpDue'> & { talkedOn?: dayjs.Dayjs | null; followUpDue?: dayjs.Dayjs | null };

/** Record or edit one application of the results: 评优评先, 选任参考 or a 谈话督促 with its follow-up. */
export function ApplicationDrawer({ open, editing, onClose }: { open: boolean; editing: ResultApplication | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const save = useSaveApplication();
  const schemes = useResultSchemes();
  const published = (schemes.data?.items ?? []).filter((s) => s.status === 'published');
  const schemeId = Form.useWatch('schemeId', form);
  const kind = Form.useWatch('kind', form);
  const targets = useResultTable(schemeId ?? '');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, talkedOn: editing.talkedOn ? dayjs(editing.talkedOn) : null, followUpDue: editing.followUpDue ? dayjs(editing.followUpDue) : null });
    else form.setFieldsValue({ schemeId: published[0]?.id, kind: 'commendation' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const day = (d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
    try {
      await save.mutateAsync({ editing, values: { ...v, talkedOn: day(v.talkedOn), followUpDue: day(v.followUpDue) } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };
  const talk = kind === 'talk';
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} forceRender width={560} title={t(editing ? 'resultApp.edit' : 'resultApp.new')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="application-save">{t('common.save')}</Button></Space>}>
      <Form<Shape> form={form} layout="vertical">
        <Form.Item name="schemeId" label={t('results.scheme')} rules={required}>
          <Select id="schemeId" disabled={!!editing} options={published.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('resultApp.kind')} rules={required}>
          <Select id="kind" disabled={!!editing} options={resultApplicationKinds.map((k) => ({ value: k, label: t(appKindKey(k)) }))} />
        </Form.Item>
        <Form.Item name="targetId" label={t('resultApp.target')}>
          <Select id="targetId" allowClear disabled={!!editing} showSearch optionFilterProp="label"
            options={(targets.data?.items ?? []).map((r) => ({ value: r.targetId, label: `${r.targetName}（${r.gradeLabel}）` }))} />
        </Form.Item>
        <Form.Item name="personId" label={t(talk ? 'resultApp.talkedTo' : 'resultApp.person')} rules={talk ? required : []}>
          <PersonSelect id="personId" initialLabel={editing?.personName} />
        </Form.Item>
        {talk && (
          <>
            <Space size="large" wrap>
              <Form.Item name="talkedOn" label={t('resultApp.talkedOn')} rules={required}><DatePicker id="talkedOn" /></Form.Item>
              <Form.Item name="followUpDue" label={t('resultApp.followUpDue')}><DatePicker id="followUpDue" /></Form.Item>
            </Space>
            <Form.Item name="talkerPersonId" label={t('resultApp.talker')} rules={required}>
              <PersonSelect id="talkerPersonId" initialLabel={editing?.talkerName} />
            </Form.Item>
            <Form.Item name="points" label={t('resultApp.points')}><Input.TextArea id="points" rows={4} maxLength={4000} /></Form.Item>
            <Form.Item name="outcome" label={t('resultApp.outcome')}><Input.TextArea id="outcome" rows={2} maxLength={2000} /></Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('resultApp.note')}><Input.TextArea id="note" rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
