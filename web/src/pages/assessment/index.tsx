import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AssessmentScheme } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { useCopyScheme, useSchemes } from './hooks';
import { statusColor } from './labels';
import { SchemeFormDrawer } from './components/SchemeFormDrawer';

/** 考核方案: one scheme per year; open one to configure its indicators, targets and raters. */
export default function SchemesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const { data, isFetching } = useSchemes();
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState<AssessmentScheme | null>(null);
  const [copyYear, setCopyYear] = useState<number>(new Date().getFullYear());
  const [copyTitle, setCopyTitle] = useState('');
  const copy = useCopyScheme();
  const writable = can('assess.scheme.write');

  const openCopy = (s: AssessmentScheme) => {
    setCopying(s);
    setCopyYear(s.year + 1);
    setCopyTitle(s.title.replace(String(s.year), String(s.year + 1)));
  };
  const doCopy = async () => {
    try {
      const created = await copy.mutateAsync({ id: copying!.id, year: copyYear, title: copyTitle.trim() || t('assessment.copyTitle', { year: copyYear }) });
      void message.success(t('common.created'));
      setCopying(null);
      navigate(`/assess/schemes/${created.id}`);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      {writable && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="scheme-new">{t('assessment.new')}</Button>
        </Space>
      )}
      <Table<AssessmentScheme>
        size="middle"
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="scheme-table"
        columns={[
          { title: t('assessment.year'), dataIndex: 'year', width: 90 },
          { title: t('assessment.title'), dataIndex: 'title', render: (v: string, s) => <Link to={`/assess/schemes/${s.id}`}>{v}</Link> },
          { title: t('assessment.status'), dataIndex: 'status', width: 110, render: (v: AssessmentScheme['status']) => <Tag color={statusColor[v]}>{t(`assessment.status.${v}`)}</Tag> },
          { title: t('assessment.tab.indicators'), key: 'counts', width: 320, render: (_, s) => t('assessment.counts', s.counts) },
          { title: t('assessment.ratingDeadline'), dataIndex: 'ratingDeadline', width: 120 },
          ...(writable
            ? [{ title: t('common.actions'), key: 'actions', width: 140, render: (_: unknown, s: AssessmentScheme) => <Button type="link" size="small" icon={<CopyOutlined />} onClick={() => openCopy(s)}>{t('assessment.copy')}</Button> }]
            : []),
        ]}
      />
      <SchemeFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(s) => navigate(`/assess/schemes/${s.id}`)} />
      <Modal open={!!copying} title={t('assessment.copy')} onCancel={() => setCopying(null)} onOk={() => void doCopy()} confirmLoading={copy.isPending}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <InputNumber addonBefore={t('assessment.year')} value={copyYear} min={2000} max={2100} onChange={(v) => setCopyYear(v ?? copyYear)} />
          <Input addonBefore={t('assessment.title')} value={copyTitle} onChange={(e) => setCopyTitle(e.target.value)} />
        </Space>
      </Modal>
    </Card>
  );
}
