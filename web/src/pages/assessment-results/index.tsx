import { Card, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ResultSchemeSummary } from '@santong/contract';
import { useResultSchemes } from './hooks';
import { scopeKey } from './labels';

/** 考核结果: the schemes whose results the reader may see (the office also sees closed, unpublished ones). */
export default function ResultSchemesPage() {
  const { t } = useTranslation();
  const { data, isFetching } = useResultSchemes();
  return (
    <Card size="small">
      <Table<ResultSchemeSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        data-testid="result-schemes"
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('results.none')} /> }}
        pagination={false}
        columns={[
          { title: t('results.year'), dataIndex: 'year', width: 90 },
          { title: t('results.scheme'), dataIndex: 'title', render: (v: string, s) => <Link to={`/assess/results/${s.id}`}>{v}</Link> },
          {
            title: t('results.status'), key: 'status', width: 320,
            render: (_, s) => (
              <>
                <Tag color={s.status === 'published' ? 'green' : 'default'}>{t(s.status === 'published' ? 'results.status.published' : 'results.status.closed')}</Tag>
                {s.frozenAt && <Tag color="blue">{t('results.frozen')}</Tag>}
                {s.status !== 'published' && <Tag>{t(s.computed ? 'results.computed' : 'results.notComputed')}</Tag>}
                {s.publishScope && <Tag>{t(scopeKey(s.publishScope))}</Tag>}
              </>
            ),
          },
          { title: '', key: 'at', width: 200, render: (_, s) => (s.publishedAt ? t('results.publishedAt', { time: dayjs(s.publishedAt).format('YYYY-MM-DD HH:mm') }) : null) },
          { title: '', key: 'open', width: 110, render: (_, s) => <Link to={`/assess/results/${s.id}`}>{t('results.open')}</Link> },
        ]}
      />
    </Card>
  );
}
