import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { honourCategories, partyKinds, personHonourCategories, type HonourCategory, type Unit } from '@santong/contract';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useNominate, type NominateValues } from '../hooks';
import { honourLabel } from '../labels';
import { useHonourError } from '../quotaError';

interface Props {
  roundId: string;
  open: boolean;
  category: HonourCategory;
  onClose: () => void;
}

const isParty = (u: Unit) => (partyKinds as readonly string[]).includes(u.kind);

/** A unit nominates a party member or worker, or a party organisation, with the reason. */
export function NominateDrawer({ roundId, open, category, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useHonourError();
  const [form] = Form.useForm<NominateValues>();
  const nominate = useNominate(roundId);
  const chosen = Form.useWatch('category', form) ?? category;
  const forPerson = personHonourCategories.includes(chosen);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ category });
  }, [open, category, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { category: v.category, reason: v.reason.trim(), nominatingUnitId: v.nominatingUnitId || null, ...(forPerson ? { nomineePersonId: v.nomineePersonId } : { nomineeUnitId: v.nomineeUnitId }) };
    try {
      await nominate.mutateAsync(body);
      void message.success(t('common.created'));
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer open={open} forceRender width={560} title={t('honour.nominate')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={nominate.isPending} onClick={() => void submit()} data-testid="nomination-save">{t('common.save')}</Button></Space>}>
      <Form<NominateValues> form={form} layout="vertical" name="nomination">
        <Form.Item name="category" label={t('honour.category')} rules={required}>
          <Select options={honourCategories.map((c) => ({ value: c, label: t(honourLabel.category(c)) }))} />
        </Form.Item>
        {forPerson ? (
          <Form.Item name="nomineePersonId" label={t('honour.nomineePerson')} rules={required}><PersonSelect id="nomination_nomineePersonId" /></Form.Item>
        ) : (
          <Form.Item name="nomineeUnitId" label={t('honour.nomineeUnit')} extra={t('honour.nomineeUnitHint')} rules={required}>
            <UnitTreeSelect id="nomination_nomineeUnitId" filter={isParty} />
          </Form.Item>
        )}
        <Form.Item name="nominatingUnitId" label={t('honour.nominatingUnit')} extra={t('honour.nominatingUnitHint')}><UnitTreeSelect id="nomination_nominatingUnitId" /></Form.Item>
        <Form.Item name="reason" label={t('honour.reason')} rules={[...required, { whitespace: true }, { max: 2000 }]}><Input.TextArea rows={6} maxLength={2000} showCount /></Form.Item>
      </Form>
    </Drawer>
  );
}
