import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Grid, Input, InputNumber, Row, Slider, Typography, Upload } from 'antd';
import type { FormInstance, UploadFile } from 'antd';
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '@santong/contract';
import { errorText, useApiError } from '../../../app/errors';
import { useSaveReport, type ReportFormValues } from '../hooks';

export interface ReportTarget {
  id: string;
  title: string;
  progress: number;
  ownerUnitName?: string;
  dueDate?: string;
}

interface Props {
  /** the task reported on; null closes the drawer */
  task: ReportTarget | null;
  /** a returned report being corrected, or null for a new report */
  editing?: ProgressReport | null;
  onClose: () => void;
}

interface FieldsProps {
  form: FormInstance<ReportFormValues>;
  files: UploadFile[];
  onFiles: (f: UploadFile[]) => void;
  phone: boolean;
  /** evidence files already on the report (a correction keeps them) */
  kept: number;
}

/** Progress (slider and number), the three texts and the evidence picker; files go up after the report is saved. */
function ReportFields({ form, files, onFiles, phone, kept }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Form form={form} layout="vertical" requiredMark="optional">
      <Form.Item label={t('report.progress')} required>
        <Row gutter={12} align="middle" wrap={false}>
          <Col flex="auto">
            <Form.Item name="progress" noStyle>
              <Slider min={0} max={100} step={5} />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item name="progress" noStyle rules={[{ required: true, type: 'integer', min: 0, max: 100, message: t('report.progressRange') }]}>
              <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} inputMode="numeric" data-testid="report-progress" />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Form.Item name="doneText" label={t('report.doneText')} rules={[{ required: true, whitespace: true, message: t('report.doneTextRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} showCount placeholder={t('report.doneTextPlaceholder')} data-testid="report-done" />
      </Form.Item>
      <Form.Item name="problems" label={t('report.problems')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('report.problemsPlaceholder')} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('report.nextSteps')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('report.nextStepsPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('report.evidence')} extra={kept ? t('report.evidenceKept', { n: kept }) : t('report.evidenceHint')}>
        <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => onFiles(fileList)} data-testid="report-files">
          <Button icon={<PaperClipOutlined />} block={phone}>
            {t('report.addEvidence')}
          </Button>
        </Upload>
      </Form.Item>
    </Form>
  );
}

/**
 * The liaison's report form: progress, what was done, problems, next steps
 * and evidence files, sent in one go. Full screen on a phone.
 */
export function ReportFormDrawer({ task, editing = null, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ReportFormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const save = useSaveReport();

  useEffect(() => {
    if (!task) return;
    form.resetFields();
    setFiles([]);
    form.setFieldsValue(editing ? { progress: editing.progress, doneText: editing.doneText, problems: editing.problems, nextSteps: editing.nextSteps } : { progress: task.progress });
  }, [task, editing, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const { failed } = await save.mutateAsync({ taskId: task!.id, editing, values, files: files.map((f) => f.originFileObj as File) });
      if (failed.length) void message.warning(t('report.uploadFailed', { names: failed.map((f) => `${f.name}（${errorText(t, f.error)}）`).join('、') }), 8);
      else void message.success(t(editing ? 'report.resubmitted' : 'report.submitted'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const phone = !screens.md;
  return (
    <Drawer
      open={!!task}
      width={phone ? '100%' : 560}
      title={t(editing ? 'report.resubmitTitle' : 'report.newTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="report-form-drawer"
      styles={{ body: { paddingTop: 12, paddingBottom: 12 }, footer: { padding: phone ? 12 : undefined } }}
      footer={
        <Button type="primary" block={phone} size={phone ? 'large' : 'middle'} icon={<SendOutlined />} loading={save.isPending} onClick={() => void submit()} data-testid="report-submit">
          {t(editing ? 'report.resubmit' : 'report.submit')}
        </Button>
      }
    >
      {task && (
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          <Typography.Text strong>{task.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {[task.ownerUnitName, task.dueDate && t('report.dueOn', { date: task.dueDate }), t('report.currentProgress', { n: task.progress })].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {editing?.reviewComment && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('report.returnedBecause')} description={editing.reviewComment} />}
      <ReportFields form={form} files={files} onFiles={setFiles} phone={phone} kept={editing?.evidence.length ?? 0} />
    </Drawer>
  );
}
