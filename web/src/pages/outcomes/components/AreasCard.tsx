import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ContributionArea } from '@santong/contract';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { useAreas, useDeleteArea, useSaveArea } from '../hooks';

/** The office configures the 建新功 areas (others see only the stats that use them). */
export function AreasCard() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const areas = useAreas();
  const save = useSaveArea();
  const remove = useDeleteArea();
  const [form] = Form.useForm<{ code: string; name: string; sortOrder?: number }>();
  const [editing, setEditing] = useState<ContributionArea | null | undefined>(undefined);
  const isOffice = can('execute.regulation.write') && (user?.roles ?? []).some((r) => r === 'office' || r === 'admin');
  if (!isOffice) return null;
  const open = (a: ContributionArea | null) => {
    form.resetFields();
    if (a) form.setFieldsValue(a);
    setEditing(a);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ editing: editing ?? null, values: v });
      void message.success(t('common.saved'));
      setEditing(undefined);
    } catch (e) {
      onError(e, { form });
    }
  };
  return (
    <Card size="small" title={t('outcome.areas')} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => open(null)}>{t('common.create')}</Button>}>
      <Table<ContributionArea> size="small" rowKey="id" pagination={false} dataSource={areas.data?.items ?? []}
        columns={[
          { title: t('outcome.areaCode'), dataIndex: 'code', width: 180 },
          { title: t('outcome.areaName'), dataIndex: 'name' },
          { title: t('outcome.sortOrder'), dataIndex: 'sortOrder', width: 80 },
          { title: t('common.actions'), key: 'a', width: 130, render: (_, a) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => open(a)}>{t('common.edit')}</Button>
              <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(a).then(() => message.success(t('common.deleted')), (e) => onError(e))}>
                <Button type="link" size="small" danger>{t('common.delete')}</Button>
              </Popconfirm>
            </Space>
          ) },
        ]} />
      <Modal open={editing !== undefined} title={t('outcome.areas')} onCancel={() => setEditing(undefined)} onOk={() => void submit()} confirmLoading={save.isPending} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('outcome.areaCode')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('outcome.areaCodeHint') }]}>
            <Input id="code" disabled={!!editing} />
          </Form.Item>
          <Form.Item name="name" label={t('outcome.areaName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input id="name" maxLength={100} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('outcome.sortOrder')}><InputNumber id="sortOrder" min={0} max={9999} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
