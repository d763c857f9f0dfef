import { AutoComplete, Input, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../locales/zh-CN';
import { useAuth } from '../../app/auth';
import { searchable, useDebounced, useSearch } from './hooks';

/** The header search: grouped suggestions while typing; Enter opens the results page. */
export function SearchBox() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const { data } = useSearch(q, { limit: 5 });

  const options = useMemo(
    () =>
      searchable(q) && data
        ? [
            ...data.groups.map((g) => ({
              label: (
                <span>
                  {t(`search.kind.${g.kind}` as MessageKey)} <Typography.Text type="secondary">{t('search.total', { count: g.total >= 1000 ? '1000+' : g.total })}</Typography.Text>
                </span>
              ),
              options: g.items.map((i) => ({
                value: `${i.kind}:${i.id}`,
                link: i.link,
                label: (
                  <div data-testid={`search-hit-${i.kind}`}>
                    <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{i.title}</div>
                    {(i.subtitle || i.snippet) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.snippet ?? i.subtitle}</Typography.Text>}
                  </div>
                ),
              })),
            })),
            { label: null, options: [{ value: '__all__', link: `/search?q=${encodeURIComponent(searchable(q))}`, label: <span>{data.groups.length ? t('search.all') : t('search.empty')}</span> }] },
          ]
        : [],
    [data, q, t],
  );

  if (!can('search.read')) return null;
  const openAll = () => {
    const s = searchable(text);
    if (s) navigate(`/search?q=${encodeURIComponent(s)}`);
  };
  return (
    <AutoComplete
      className="st-header-search"
      value={text}
      options={options}
      popupMatchSelectWidth={360}
      defaultActiveFirstOption={false}
      onChange={(v) => setText(v.includes(':') && options.some((g) => g.options.some((o) => o.value === v)) ? text : v)}
      onSelect={(_v, opt) => {
        const link = (opt as { link?: string }).link;
        if (link) navigate(link);
        setText('');
      }}
    >
      <Input
        allowClear
        maxLength={200}
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        data-testid="header-search"
        onPressEnter={(e) => {
          // Enter with no suggestion highlighted opens the full results
          if (!document.querySelector('.ant-select-item-option-active')) {
            e.preventDefault();
            openAll();
          }
        }}
      />
    </AutoComplete>
  );
}
