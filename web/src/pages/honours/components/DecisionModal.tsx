import { useEffect } from 'react';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HonourNomination } from '@santong/contract';
import { useDecide, type Decision } from '../hooks';
import { useHonourError } from '../quotaError';

interface Props {
  nomination: HonourNomination | null;
  decision: Decision | null;
  onClose: () => void;
}

const titleKey = { approve: 'honour.approve', reject: 'honour.reject', award: 'honour.award', not_award: 'honour.notAward' } as const;

/** The office's decision on one nomination; rejecting or not awarding needs a reason. */
export function DecisionModal({ nomination, decision, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useHonourError();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecide();
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);
  const needsNote = decision === 'reject' || decision === 'not_award';

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await decide.mutateAsync({ id: nomination!.id, decision: decision!, note: v.note });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <Modal open={!!decision && !!nomination} title={decision ? `${t(titleKey[decision])} · ${nomination?.nomineeName ?? ''}` : ''} onCancel={onClose}
      onOk={() => void submit()} confirmLoading={decide.isPending} forceRender okButtonProps={{ danger: needsNote, 'data-testid': 'decision-ok' } as ButtonProps}>
      {nomination && <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>{nomination.reason}</Typography.Paragraph>}
      <Form form={form} layout="vertical" name="decision">
        <Form.Item name="note" label={t('honour.note')} rules={needsNote ? [{ required: true, whitespace: true, message: t('honour.noteRequired') }, { max: 1000 }] : [{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
