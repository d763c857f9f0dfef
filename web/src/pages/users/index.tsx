import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '@santong/contract';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/errors';
import { label } from '../../locales/keys';
import { useUnlockUser, useUsers } from './hooks';
import { userColumns } from './components/userColumns';
import { UserFormDrawer } from './components/UserFormDrawer';
import { ResetPasswordModal } from './components/ResetPasswordModal';

export default function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [qInput, setQInput] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<{ editing: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const { data, isFetching, error } = useUsers({ page, pageSize, q, role });
  const unlock = useUnlockUser();

  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);

  const onUnlock = async (u: User) => {
    try {
      await unlock.mutateAsync(u.id);
      void message.success(t('users.unlock.done'));
    } catch (e) {
      onError(e);
    }
  };

  const columns = userColumns(t, {
    canWrite: can('user.write'),
    canUnlock: can('user.unlock'),
    onEdit: (u) => setDrawer({ editing: u }),
    onReset: setResetting,
    onUnlock: (u) => void onUnlock(u),
  });

  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <Space className="st-filter-bar" wrap>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          style={{ width: 220 }}
          enterButton={t('common.search')}
        />
        <Select
          allowClear
          placeholder={t('users.roles')}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          style={{ width: 170 }}
          options={roles.map((r) => ({ value: r, label: t(label.role(r)) }))}
        />
        {can('user.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })} data-testid="user-new">
            {t('users.new')}
          </Button>
        )}
      </Space>
      <Table<User>
        size="small"
        rowKey="id"
        data-testid="users-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        onChange={(pg) => {
          setPage(pg.current ?? 1);
          setPageSize(pg.pageSize ?? 20);
        }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
      <UserFormDrawer open={!!drawer} editing={drawer?.editing ?? null} onClose={() => setDrawer(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
