import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useReviewReport } from '../hooks';

/** Approve (optional comment) or return (comment required) a submitted report. */
export function ReviewActions({ report, onDone, block = false }: { report: ProgressReport; onDone?: () => void; block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const review = useReviewReport();
  const [decision, setDecision] = useState<'approve' | 'return' | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  if (!report.can.approve && !report.can.return) return null;

  const open = (d: 'approve' | 'return') => {
    form.resetFields();
    setDecision(d);
  };
  const confirm = async () => {
    const { comment } = await form.validateFields();
    try {
      await review.mutateAsync({ report, decision: decision!, comment: comment?.trim() || undefined });
      void message.success(t(decision === 'approve' ? 'report.approved' : 'report.returned'));
      setDecision(null);
      onDone?.();
    } catch (e) {
      onError(e, { form });
    }
  };
  return (
    <>
      <Space style={block ? { width: '100%' } : undefined}>
        {report.can.approve && (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => open('approve')} data-testid="report-approve">
            {t('report.approve')}
          </Button>
        )}
        {report.can.return && (
          <Button danger icon={<RollbackOutlined />} onClick={() => open('return')} data-testid="report-return">
            {t('report.return')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!decision}
        title={t(decision === 'approve' ? 'report.approveTitle' : 'report.returnTitle')}
        okText={t(decision === 'approve' ? 'report.approve' : 'report.return')}
        okButtonProps={{ danger: decision === 'return', loading: review.isPending, 'data-testid': 'report-review-ok' } as ButtonProps}
        onOk={() => void confirm()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label={t(decision === 'approve' ? 'report.approveComment' : 'report.returnComment')}
            rules={decision === 'return' ? [{ required: true, whitespace: true, message: t('report.returnCommentRequired') }] : []}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="report-review-comment" placeholder={t(decision === 'approve' ? 'report.approvePlaceholder' : 'report.returnPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
