import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem } from '@santong/contract';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useCampaignOptions } from '../campaigns/hooks';
import { useCloseFollowUp, useFollowUps, type FollowUpFilters } from './hooks';

const filterKeys = ['campaignId', 'ownerUnitId', 'status', 'overdue', 'q'] as const;

function useUrlFilters(): [FollowUpFilters, (f: FollowUpFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as FollowUpFilters, [params]);
  const set = (f: FollowUpFilters) => setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>);
  return [filters, set];
}

function FilterBar({ value, onChange }: { value: FollowUpFilters; onChange: (f: FollowUpFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FollowUpFilters>();
  const campaigns = useCampaignOptions();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [value, form]);
  return (
    <Form<FollowUpFilters> form={form} layout="inline" onFinish={onChange} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q"><Input allowClear placeholder={t('followUp.searchPlaceholder')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="campaignId">
        <Select allowClear placeholder={t('dispatch.campaign')} style={{ width: 260 }} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
      </Form.Item>
      <Form.Item name="ownerUnitId"><UnitTreeSelect placeholder={t('followUp.ownerUnit')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="status">
        <Select allowClear placeholder={t('followUp.status')} style={{ width: 110 }} options={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`followUp.status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="overdue">
        <Select allowClear placeholder={t('followUp.overdueOnly')} style={{ width: 120 }} options={[{ value: 'true', label: t('followUp.overdue') }]} />
      </Form.Item>
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      <Form.Item><Button onClick={() => onChange({})}>{t('common.reset')}</Button></Form.Item>
    </Form>
  );
}

function CloseModal({ item, onClose }: { item: FollowUpItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<{ closingNote: string }>();
  const close = useCloseFollowUp();
  useEffect(() => form.resetFields(), [item, form]);
  const submit = async () => {
    if (!item) return;
    const v = await form.validateFields();
    try {
      await close.mutateAsync({ item, closingNote: v.closingNote.trim() });
      void message.success(t('followUp.closed'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };
  return (
    <Modal open={!!item} title={t('followUp.closeTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={close.isPending} forceRender okButtonProps={{ 'data-testid': 'followup-close-ok' } as never}>
      <p>{item?.title}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="closingNote" label={t('followUp.closingNote')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}>
          <Input.TextArea id="closingNote" rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 督办事项: decisions of the weekly meetings, tracked until the owner unit closes them with a note. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [closing, setClosing] = useState<FollowUpItem | null>(null);
  const { data, isFetching } = useFollowUps({ ...filters, page, pageSize });

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar value={filters} onChange={(f) => { setFilters(f); setPage(1); }} />
      <Space style={{ marginBottom: 12 }} wrap>
        <ExcelActions base="/api/v1/dispatch/follow-ups" fileStem="follow-ups" filters={{ ...filters }} canImport={false} />
      </Space>
      <Table<FollowUpItem>
        size="middle"
        rowKey="id"
        data-testid="followup-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onChange={(pg) => { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('followUp.title'), dataIndex: 'title' },
          { title: t('followUp.ownerUnit'), dataIndex: 'ownerUnitName', width: 170 },
          { title: t('followUp.dueDate'), dataIndex: 'dueDate', width: 110 },
          {
            title: t('followUp.status'), key: 'status', width: 130,
            render: (_, x) => (
              <Space size={2}>
                <Tag color={x.status === 'done' ? 'green' : 'blue'}>{t(`followUp.status.${x.status}`)}</Tag>
                {x.overdue && <Tag color="red">{t('followUp.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('followUp.meetingWeek'), dataIndex: 'meetingWeek', width: 100 },
          { title: t('followUp.closingNote'), dataIndex: 'closingNote', width: 240, ellipsis: true },
          { title: t('followUp.closedAt'), dataIndex: 'closedAt', width: 150, render: (v: string | null) => (v ? new Date(v).toLocaleString() : '') },
          {
            title: t('common.actions'), key: 'actions', width: 90, fixed: 'right' as const,
            render: (_, x) => x.canClose && <Button type="link" size="small" onClick={() => setClosing(x)} data-testid="followup-close">{t('followUp.close')}</Button>,
          },
        ]}
      />
      <CloseModal item={closing} onClose={() => setClosing(null)} />
    </Card>
  );
}
