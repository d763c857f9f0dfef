import { Card, Checkbox, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { searchKinds } from '@santong/contract';
import type { MessageKey } from '../../locales/zh-CN';
import { useApiError } from '../../app/errors';
import { searchable, useSearch } from './hooks';

/** Full search results, grouped by kind, up to 20 per kind; the query lives in the address. */
export default function SearchPage() {
  const { t } = useTranslation();
  const onError = useApiError();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kinds = params.get('kinds') ?? '';
  const [text, setText] = useState(q);
  const { data, isFetching, error } = useSearch(q, { limit: 20, kinds: kinds || undefined });
  if (error) onError(error);
  const set = (next: { q?: string; kinds?: string }) => setParams(Object.fromEntries(Object.entries({ q, kinds, ...next }).filter(([, v]) => v)) as Record<string, string>);

  return (
    <Card size="small" style={{ maxWidth: 960 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search value={text} maxLength={200} allowClear enterButton onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() })} placeholder={t('search.placeholder')} data-testid="search-page-input" />
        <Space wrap>
          <Typography.Text type="secondary">{t('search.kinds')}</Typography.Text>
          <Checkbox.Group
            value={kinds ? kinds.split(',') : []}
            onChange={(v) => set({ kinds: (v as string[]).join(',') })}
            options={searchKinds.map((k) => ({ value: k, label: t(`search.kind.${k}` as MessageKey) }))}
          />
        </Space>
        {!searchable(q) ? (
          <Empty description={t('search.hint')} />
        ) : (
          <Spin spinning={isFetching}>
            {data && data.groups.length === 0 && <Empty description={t('search.empty')} />}
            {data?.groups.map((g) => (
              <Card key={g.kind} size="small" type="inner" style={{ marginBottom: 12 }} title={<Space>{t(`search.kind.${g.kind}` as MessageKey)}<Tag>{t('search.total', { count: g.total >= 1000 ? '1000+' : g.total })}</Tag></Space>} data-testid={`search-group-${g.kind}`}>
                <List
                  size="small"
                  dataSource={g.items}
                  renderItem={(i) => (
                    <List.Item>
                      <List.Item.Meta
                        title={<Link to={i.link}>{i.title}</Link>}
                        description={[i.subtitle, i.date, i.snippet].filter(Boolean).join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Spin>
        )}
      </Space>
    </Card>
  );
}
