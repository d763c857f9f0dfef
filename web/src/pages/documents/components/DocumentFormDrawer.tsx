import { useEffect } from 'react';
import { App, Button, DatePicker, Divider, Drawer, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { documentKinds, type DocumentRecord } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useCampaignOptions } from '../../campaigns/hooks';
import { useDeleteDocument, useDocument, useSaveDocument, type DocumentFormValues } from '../hooks';
import { DocumentFiles } from './DocumentFiles';
import { documentKindLabel } from '../labels';

interface Props {
  open: boolean;
  /** the document being edited (null: a new one) */
  editingId: string | null;
  writable: boolean;
  defaultCampaignId?: string;
  onClose: () => void;
  onCreated?: (id: string) => void;
}

type Shape = Omit<DocumentFormValues, 'issuedOn'> & { issuedOn?: Dayjs | null };

export function DocumentFormDrawer({ open, editingId, writable, defaultCampaignId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Shape>();
  const { data: editing } = useDocument(editingId ?? undefined);
  const campaigns = useCampaignOptions();
  const save = useSaveDocument();
  const del = useDeleteDocument();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editingId && editing) form.setFieldsValue({ ...editing, issuedOn: editing.issuedOn ? dayjs(editing.issuedOn) : null });
    else if (!editingId) form.setFieldsValue({ kind: 'plan', campaignId: defaultCampaignId ?? null, issuedOn: dayjs() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill only on a new version, not after an upload
  }, [open, editingId, editing?.id, editing?.version, defaultCampaignId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ editing: editing ?? null, values: { ...v, issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null } });
      void message.success(t(editingId ? 'common.saved' : 'common.created'));
      if (!editingId) onCreated?.(saved.id);
    } catch (e) {
      onError(e, { form });
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await del.mutateAsync(editing);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={600}
      title={t(!writable ? 'document.view' : editingId ? 'document.edit' : 'document.new')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            {editing && (
              <Popconfirm title={t('document.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="document-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="document-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<Shape> form={form} layout="vertical" name="document" disabled={!writable}>
        <Form.Item name="title" label={t('document.title')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="kind" label={t('document.kind')} rules={required} style={{ width: 140 }}>
            <Select options={documentKinds.map((k) => ({ value: k, label: t(documentKindLabel(k)) }))} />
          </Form.Item>
          <Form.Item name="docNo" label={t('document.docNo')} rules={[{ max: 60 }]} style={{ flex: 1 }}>
            <Input maxLength={60} placeholder="南粤职院党〔2026〕1号" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="issuingUnitId" label={t('document.issuingUnit')} style={{ flex: 1 }}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('document.issuedOn')} style={{ width: 170 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="campaignId" label={t('document.campaign')}>
          <Select allowClear loading={campaigns.isLoading} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('document.summary')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      </Form>
      <Divider orientation="left">{t('document.files')}</Divider>
      {editing ? <DocumentFiles document={editing} writable={writable} /> : <Typography.Text type="secondary">{t('document.saveFirst')}</Typography.Text>}
    </Drawer>
  );
}
