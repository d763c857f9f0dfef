import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

interface Row {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field-by-field before/after of one audited write; changed fields first and highlighted. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
    return (
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        <pre className="st-json">{show(before)}</pre>
        <pre className="st-json">{show(after)}</pre>
      </div>
    );
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const rows: Row[] = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map((field) => ({ field, before: b[field], after: a[field], changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]) }))
    .sort((x, y) => Number(y.changed) - Number(x.changed) || x.field.localeCompare(y.field));
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      data-testid="audit-diff"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'st-diff-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 180,
          render: (f: string, r) => (
            <span>
              {f} {r.changed && <Tag color="orange">{t('audit.changed')}</Tag>}
            </span>
          ),
        },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <pre className="st-json">{show(v)}</pre> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <pre className="st-json">{show(v)}</pre> },
      ]}
    />
  );
}
