import { useEffect } from 'react';
import { App, Button, Card, Drawer, Form, Input, Popconfirm, Radio, Select, Space, Switch, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { politicalStatuses, positionRoles, type Person } from '@santong/contract';
import { useApiError, type HandleOptions } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { label } from '../../../locales/keys';
import { useDeletePerson, useSavePerson, type PersonFormValues } from '../hooks';
import { useAuth } from '../../../app/auth';
import { ResultsPanel } from '../../assessment-results/components/ResultsPanel';

interface Props {
  open: boolean;
  editing: Person | null;
  writable: boolean;
  onClose: () => void;
}

/** 403 on people: the unit is not in the user's scope. */
export const scopeOverride: HandleOptions['override'] = { FORBIDDEN: 'person.outOfScope', OUT_OF_SCOPE: 'person.outOfScope' };

export function PersonFormDrawer({ open, editing, writable, onClose }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<PersonFormValues>();
  const save = useSavePerson();
  const del = useDeletePerson();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, positions: undefined });
    else form.setFieldsValue({ dualLeader: false, politicalStatus: 'cpc_member' });
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form, override: scopeOverride });
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await del.mutateAsync(editing);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e, { override: scopeOverride });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={540}
      title={t(!writable ? 'person.view' : editing ? 'person.edit' : 'person.new')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            {editing && (
              <Popconfirm title={t('person.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="person-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="person-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<PersonFormValues> form={form} layout="vertical" disabled={!writable}>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="staffNo" label={t('person.staffNo')} rules={[...required, { pattern: /^[A-Za-z0-9_-]+$/ }, { max: 32 }]} style={{ flex: 1 }}>
            <Input id="staffNo" maxLength={32} />
          </Form.Item>
          <Form.Item name="name" label={t('person.name')} rules={[...required, { whitespace: true }, { max: 50 }]} style={{ flex: 1 }}>
            <Input id="name" maxLength={50} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="unitId" label={t('person.unit')} rules={required}>
          <UnitTreeSelect id="unitId" allowClear={false} />
        </Form.Item>
        <Form.Item name="gender" label={t('person.gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('person.gender.male') },
              { value: 'female', label: t('person.gender.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('person.title')} rules={[{ max: 50 }]}>
          <Input id="title" maxLength={50} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="politicalStatus" label={t('person.politicalStatus')} rules={required} style={{ flex: 1 }}>
            <Select id="politicalStatus" options={politicalStatuses.map((s) => ({ value: s, label: t(label.political(s)) }))} />
          </Form.Item>
          <Form.Item name="dualLeader" label={t('person.dualLeader')} valuePropName="checked" style={{ flex: 1 }}>
            <Switch id="dualLeader" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="phone" label={t('person.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/ }]}>
          <Input id="phone" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={t('person.email')} rules={[{ type: 'email' }, { max: 120 }]}>
          <Input id="email" maxLength={120} />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('person.positions')}>
            <Space wrap>
              {editing.positions.length
                ? editing.positions.map((p) => (
                    <Tag key={p.id} color="red">
                      {p.unitName} · {t(label.positionRole(p.role))}
                    </Tag>
                  ))
                : t('common.none')}
            </Space>
          </Form.Item>
        ) : (
          <Form.Item name="positions" label={t('person.positions')} extra={t('person.positionsHint')}>
            <Select id="positions" mode="multiple" allowClear options={positionRoles.map((r) => ({ value: r, label: t(label.positionRole(r)) }))} />
          </Form.Item>
        )}
      </Form>
      {editing && can('assess.application.read') && (
        <Card size="small" title={t('results.panel')} style={{ marginTop: 16 }}>
          <ResultsPanel personId={editing.id} />
        </Card>
      )}
    </Drawer>
  );
}
