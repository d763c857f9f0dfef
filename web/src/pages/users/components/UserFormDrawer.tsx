import { useEffect } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { conflictingRoles, roles, type Role, type User } from '@santong/contract';
import { isApiError } from '../../../app/api';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { label } from '../../../locales/keys';
import { useSaveUser, type UserFormValues } from '../hooks';
import { passwordRule } from './passwordRule';

interface Props {
  open: boolean;
  editing: User | null;
  onClose: () => void;
}

export function UserFormDrawer({ open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<UserFormValues>();
  const save = useSaveUser();
  const picked = (Form.useWatch('roles', form) ?? []) as Role[];
  const conflict = conflictingRoles(picked);
  const conflictText = t('users.roleConflict', { roles: conflict.map((r) => t(label.role(r))).join('、') });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing });
    else form.setFieldsValue({ roles: ['member'], status: 'active' });
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await save.mutateAsync({ editing, values });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === 'ROLE_CONFLICT') {
        onError(e);
        form.setFields([{ name: 'roles', errors: [t('error.ROLE_CONFLICT')] }]);
      } else onError(e, { form });
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={520}
      title={t(editing ? 'users.edit' : 'users.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="user-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<UserFormValues> form={form} layout="vertical">
        <Form.Item name="username" label={t('users.username')} rules={editing ? [] : [...required, { pattern: /^[a-zA-Z0-9_.-]+$/ }, { min: 2, max: 64 }]}>
          <Input id="username" disabled={!!editing} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[...required, { whitespace: true }, { max: 50 }]}>
          <Input id="displayName" maxLength={50} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }} options={roles.map((r) => ({ value: r, label: t(label.role(r)) }))} />
        </Form.Item>
        {conflict.length > 0 && <Alert type="error" showIcon message={conflictText} style={{ marginBottom: 16 }} data-testid="role-conflict" />}
        <Form.Item name="personId" label={t('users.person')}>
          <PersonSelect id="personId" />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t('users.status')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('users.password')} extra={t('auth.password.hint')} rules={[...required, passwordRule(t)]}>
            <Input.Password id="password" autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
