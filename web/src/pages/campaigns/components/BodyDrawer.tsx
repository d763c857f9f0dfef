import { useEffect } from 'react';
import { App, Button, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { DeleteOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { campaignBodyKinds, type CampaignBody } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { campaignLabel } from '../labels';
import { useDeleteBody, useFillLiaisons, useSaveBody, type BodyFormValues } from '../hooks';
import { MemberEditor } from './MemberEditor';

interface Props {
  campaignId: string;
  /** null: a new body */
  body: CampaignBody | null;
  open: boolean;
  writable: boolean;
  onClose: () => void;
}

/** Edit one body of the work loop: its name and duties, and its members. */
export function BodyDrawer({ campaignId, body, open, writable, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<BodyFormValues>();
  const save = useSaveBody(campaignId);
  const del = useDeleteBody();
  const fill = useFillLiaisons();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(body ?? { kind: 'working_group', name: '', duty: '' });
  }, [open, body, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ editing: body, values });
      void message.success(t(body ? 'common.saved' : 'common.created'));
      if (!body) onClose();
    } catch (e) {
      onError(e, { form });
    }
  };

  const remove = async () => {
    if (!body) return;
    try {
      await del.mutateAsync(body);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  const fillLiaisons = async () => {
    if (!body) return;
    try {
      const res = await fill.mutateAsync(body.id);
      void message.success(t('campaign.body.filled', { count: res.added }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Drawer
      open={open}
      forceRender
      width={680}
      title={t(body ? (writable ? 'campaign.body.edit' : 'campaign.body.members') : 'campaign.body.new')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            {body && (
              <Popconfirm title={t('campaign.body.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="body-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="body-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<BodyFormValues> form={form} layout="vertical" name="body" disabled={!writable}>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="kind" label={t('campaign.body.kind')} rules={[{ required: true, message: t('common.required') }]} style={{ flex: 1 }}>
            <Select disabled={!!body} options={campaignBodyKinds.map((k) => ({ value: k, label: t(campaignLabel.bodyKind(k)) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('campaign.body.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]} style={{ flex: 2 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('campaign.body.sortOrder')} style={{ width: 100 }}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="duty" label={t('campaign.body.duty')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      {body && (
        <>
          <Divider orientation="left" style={{ marginTop: 4 }}>
            <Space>
              {t('campaign.body.members')}
              {writable && body.kind === 'liaison_team' && (
                <Button size="small" icon={<TeamOutlined />} loading={fill.isPending} onClick={() => void fillLiaisons()} data-testid="fill-liaisons">
                  {t('campaign.body.fillLiaisons')}
                </Button>
              )}
            </Space>
          </Divider>
          <MemberEditor body={body} writable={writable} />
        </>
      )}
    </Drawer>
  );
}
