import { useEffect, useState } from 'react';
import { Button, Card, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Person } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { ExcelActions } from '../../components/ExcelActions';
import { peopleKeys, usePeople, type PeopleFilters } from './hooks';
import { PeopleFilterBar } from './components/PeopleFilterBar';
import { PersonFormDrawer, scopeOverride } from './components/PersonFormDrawer';
import { peopleColumns } from './components/peopleColumns';

interface DrawerState {
  editing: Person | null;
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const onError = useApiError();
  const [filters, setFilters] = useState<PeopleFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<DrawerState | null>(null);
  const { data, isFetching, error } = usePeople({ ...filters, page, pageSize, sort });
  const writable = can('org.person.write');

  useEffect(() => {
    if (error) onError(error, { override: scopeOverride });
  }, [error, onError]);

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <PeopleFilterBar
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })} data-testid="person-new">
            {t('person.new')}
          </Button>
        )}
        <ExcelActions
          base="/api/v1/people"
          fileStem="people"
          filters={{ ...filters, sort }}
          canImport={can('org.import')}
          onImported={() => void qc.invalidateQueries({ queryKey: peopleKeys.all })}
        />
      </Space>
      <Table<Person>
        size="small"
        rowKey="id"
        data-testid="people-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={peopleColumns(t, sort)}
        scroll={{ x: 1000 }}
        onRow={(p) => ({ onClick: () => setDrawer({ editing: p }), style: { cursor: 'pointer' } })}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.order && s.columnKey ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
          if (next !== sort) {
            setSort(next);
            setPage(1);
          } else {
            setPage(pg.current ?? 1);
            setPageSize(pg.pageSize ?? 20);
          }
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <PersonFormDrawer open={!!drawer} editing={drawer?.editing ?? null} writable={writable} onClose={() => setDrawer(null)} />
    </Card>
  );
}
