import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useResetPassword } from '../hooks';
import { passwordRule } from './passwordRule';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const { password } = v;
    try {
      await reset.mutateAsync({ id: user.id, password });
      void message.success(t('users.resetPassword.done'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Modal open={!!user} forceRender title={`${t('users.resetPassword')} · ${user?.displayName ?? ''}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={reset.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={t('auth.password.new')} extra={t('auth.password.hint')} rules={[{ required: true, message: t('common.required') }, passwordRule(t)]}>
          <Input.Password id="resetPassword" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
