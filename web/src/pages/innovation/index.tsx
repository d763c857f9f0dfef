import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { innovationKinds, innovationLevels, innovationStages, type InnovationProject } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { ExcelActions } from '../../components/ExcelActions';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useProjects, type ProjectFilters } from './hooks';
import { gradeColor, innovationLabel, levelColor, stageColor } from './labels';
import { ProjectFormDrawer } from './components/ProjectFormDrawer';

function FilterBar({ onChange }: { onChange: (f: ProjectFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectFilters>();
  const apply = (v: ProjectFilters) => onChange(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')));
  return (
    <Form<ProjectFilters> form={form} layout="inline" onFinish={apply} className="st-filter-bar" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="q"><Input allowClear placeholder={t('innovation.searchPlaceholder')} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="kind"><Select allowClear placeholder={t('innovation.kind')} style={{ width: 150 }} options={innovationKinds.map((k) => ({ value: k, label: t(innovationLabel.kind(k)) }))} /></Form.Item>
      <Form.Item name="level"><Select allowClear placeholder={t('innovation.level')} style={{ width: 110 }} options={innovationLevels.map((l) => ({ value: l, label: t(innovationLabel.level(l)) }))} /></Form.Item>
      <Form.Item name="stage"><Select allowClear placeholder={t('innovation.stage')} style={{ width: 130 }} options={innovationStages.map((s) => ({ value: s, label: t(innovationLabel.stage(s)) }))} /></Form.Item>
      <Form.Item name="unitId"><UnitTreeSelect placeholder={t('innovation.unit')} style={{ width: 180 }} /></Form.Item>
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      <Form.Item><Button onClick={() => { form.resetFields(); onChange({}); }}>{t('common.reset')}</Button></Form.Item>
    </Form>
  );
}

/** 党建"双创" (S9): 标杆院系, 样板支部 and 双带头人工作室 projects through their life cycle. */
export default function InnovationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ProjectFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useProjects({ ...filters, page, pageSize, sort });
  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <FilterBar onChange={(f) => { setFilters(f); setPage(1); }} />
      <Space style={{ marginBottom: 12 }} wrap>
        {can('execute.innovation.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="innovation-new">{t('innovation.new')}</Button>}
        <ExcelActions base="/api/v1/innovation-projects" fileStem="innovation-projects" filters={{ ...filters, sort }} canImport={false} />
      </Space>
      <Table<InnovationProject>
        size="middle" rowKey="id" data-testid="innovation-table" loading={isFetching} dataSource={data?.items ?? []} scroll={{ x: 1150 }}
        onRow={(x) => ({ onClick: () => navigate(`/execute/innovation/${x.id}`), style: { cursor: 'pointer' } })}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) { setSort(next); setPage(1); } else { setPage(pg.current ?? 1); setPageSize(pg.pageSize ?? 20); }
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('innovation.title'), dataIndex: 'title', key: 'title', sorter: true, render: (v: string, x) => <Link to={`/execute/innovation/${x.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
          { title: t('innovation.kind'), dataIndex: 'kind', key: 'kind', width: 130, sorter: true, render: (k: InnovationProject['kind']) => t(innovationLabel.kind(k)) },
          { title: t('innovation.unit'), dataIndex: 'unitName', key: 'unitName', width: 160, sorter: true },
          { title: t('innovation.leader'), dataIndex: 'leaderName', key: 'leaderName', width: 90, sorter: true },
          { title: t('innovation.level'), dataIndex: 'level', key: 'level', width: 80, sorter: true, render: (l: InnovationProject['level']) => <Tag color={levelColor[l]}>{t(innovationLabel.level(l))}</Tag> },
          {
            title: t('innovation.stage'), dataIndex: 'stage', key: 'stage', width: 150, sorter: true,
            render: (s: InnovationProject['stage'], x) => (
              <Space size={4}>
                <Tag color={stageColor[s]}>{t(innovationLabel.stage(s))}</Tag>
                {x.grade && <Tag color={gradeColor[x.grade]}>{t(innovationLabel.grade(x.grade))}</Tag>}
              </Space>
            ),
          },
          { title: t('innovation.appliedOn'), dataIndex: 'appliedOn', key: 'appliedOn', width: 110, sorter: true },
          { title: t('innovation.lastStepOn'), dataIndex: 'lastStepOn', key: 'lastStepOn', width: 120, sorter: true },
          { title: t('innovation.outcomeCount'), dataIndex: 'outcomeCount', key: 'outcomeCount', width: 70, align: 'right' },
          { title: t('innovation.activityCount'), dataIndex: 'activityCount', key: 'activityCount', width: 70, align: 'right' },
        ]}
      />
      <ProjectFormDrawer open={creating} editing={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/execute/innovation/${id}`)} />
    </Card>
  );
}
