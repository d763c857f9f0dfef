import { useEffect, useState } from 'react';
import { App, Button, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InnovationProjectDetail } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { outcomeLabel } from '../../outcomes/labels';
import { useLinkOutcome, useOutcomeSearch } from '../hooks';

/** The outcomes of a project, with linking (search by title) and unlinking for those who may edit it. */
export function OutcomeLinker({ project, writable }: { project: InnovationProjectDetail; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const search = useOutcomeSearch(q);
  const link = useLinkOutcome();
  const run = (outcomeId: string, unlink = false) =>
    link.mutateAsync({ projectId: project.id, outcomeId, unlink }).then(() => { setChosen(undefined); void message.success(t('common.saved')); }, (e) => onError(e));
  const options = (search.data?.items ?? []).filter((o) => !o.projectId).map((o) => ({ value: o.id, label: `${o.title}（${o.unitName}·${o.publishedOn}）` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {writable && (
        <Space.Compact style={{ width: '100%' }}>
          <Select showSearch filterOption={false} value={chosen} onChange={setChosen} onSearch={setInput} options={options} loading={search.isFetching}
            placeholder={t('innovation.linkOutcomeHint')} style={{ width: '100%' }} data-testid="innovation-outcome-select" />
          <Button type="primary" disabled={!chosen} loading={link.isPending} onClick={() => chosen && void run(chosen)}>{t('innovation.linkOutcome')}</Button>
        </Space.Compact>
      )}
      <List
        size="small"
        locale={{ emptyText: t('innovation.noOutcomes') }}
        dataSource={project.outcomes}
        renderItem={(o) => (
          <List.Item
            actions={writable ? [
              <Popconfirm key="unlink" title={t('innovation.unlink')} onConfirm={() => void run(o.id, true)}>
                <Button type="link" size="small" danger>{t('innovation.unlink')}</Button>
              </Popconfirm>,
            ] : []}
          >
            <Space wrap>
              <Tag>{t(outcomeLabel.kind(o.kind))}</Tag>
              <Typography.Text>{o.title}</Typography.Text>
              <Typography.Text type="secondary">{o.unitName} · {o.publishedOn}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
