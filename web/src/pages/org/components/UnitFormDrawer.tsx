import { useEffect, useMemo } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { partyKinds, unitKinds, type Unit } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useUnitList } from '../../../app/queries';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { trackOfKind } from '../../../components/unitTree';
import { label } from '../../../locales/keys';
import { useSaveUnit, type UnitFormValues } from '../hooks';

interface Props {
  open: boolean;
  /** the unit being edited; null to create */
  editing: Unit | null;
  /** parent preset when creating a sub-unit */
  parentId?: string | null;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}

export function UnitFormDrawer({ open, editing, parentId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<UnitFormValues>();
  const save = useSaveUnit();
  const { data } = useUnitList();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing });
    else form.setFieldsValue({ parentId: parentId ?? null, sortOrder: 0 });
  }, [open, editing, parentId, form]);

  const otherTrack = kind ? (trackOfKind(kind) === 'party' ? 'admin' : 'party') : null;
  const pairOptions = useMemo(
    () => (data?.items ?? []).filter((u) => u.track === otherTrack).map((u) => ({ value: u.id, label: u.name })),
    [data, otherTrack],
  );
  const kindOptions = [
    { label: t('unit.track.party'), options: partyKinds.map((k) => ({ value: k, label: t(label.unitKind(k)) })) },
    {
      label: t('unit.track.admin'),
      options: unitKinds.filter((k) => trackOfKind(k) === 'admin').map((k) => ({ value: k, label: t(label.unitKind(k)) })),
    },
  ];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const u = await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onSaved(u);
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Drawer
      open={open}
      title={t(editing ? 'org.unit.edit' : 'org.unit.new')}
      width={520}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="unit-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<UnitFormValues>) => {
          if (changed.kind && form.getFieldValue('pairedUnitId')) {
            const paired = data?.items.find((u) => u.id === form.getFieldValue('pairedUnitId'));
            if (paired && paired.track === trackOfKind(changed.kind)) form.setFieldValue('pairedUnitId', null);
          }
        }}
      >
        <Form.Item name="parentId" label={t('org.unit.parent')}>
          <UnitTreeSelect id="parentId" placeholder={t('org.unit.root')} excludeSubtreeOf={editing?.id} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.unit.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select id="kind" options={kindOptions} />
        </Form.Item>
        <Form.Item name="name" label={t('org.unit.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
          <Input id="name" maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.unit.shortName')} rules={[{ max: 40 }]}>
          <Input id="shortName" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.unit.code')}
          extra={t('org.unit.codeHint')}
          rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('org.unit.codeHint') }, { max: 40 }]}
        >
          <Input id="code" maxLength={40} />
        </Form.Item>
        <Form.Item name="pairedUnitId" label={t('org.unit.paired')} extra={t('org.unit.pairedHint')}>
          <Select id="pairedUnitId" allowClear showSearch optionFilterProp="label" options={pairOptions} disabled={!kind} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.unit.sortOrder')}>
          <InputNumber id="sortOrder" min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
