import { Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { User } from '@santong/contract';
import { label } from '../../../locales/keys';
import { isLocked } from '../hooks';

interface Actions {
  canWrite: boolean;
  canUnlock: boolean;
  onEdit: (u: User) => void;
  onReset: (u: User) => void;
  onUnlock: (u: User) => void;
}

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function userColumns(t: TFunction, a: Actions): TableColumnsType<User> {
  return [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (rs: User['roles']) => (
        <Space size={[2, 4]} wrap>
          {rs.map((r) => (
            <Tag key={r} color={r === 'admin' || r === 'security' || r === 'auditor' ? 'volcano' : 'red'} bordered={false}>
              {t(label.role(r))}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, u: User) => (
        <Space size={2} wrap>
          <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(u.status === 'active' ? 'users.status.active' : 'users.status.disabled')}</Tag>
          {isLocked(u) && (
            <Tooltip title={`${t('users.lockedUntil')} ${time(u.lockedUntil)}`}>
              <Tag color="error" icon={<LockOutlined />} data-testid="user-locked">
                {t('users.locked')}
              </Tag>
            </Tooltip>
          )}
          {u.mustChangePassword && <Tag color="warning">{t('users.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', width: 150, render: time },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, u: User) => (
        <Space size={0}>
          {a.canWrite && (
            <Button type="link" size="small" onClick={() => a.onEdit(u)}>
              {t('common.edit')}
            </Button>
          )}
          {a.canWrite && (
            <Button type="link" size="small" onClick={() => a.onReset(u)}>
              {t('users.resetPassword')}
            </Button>
          )}
          {a.canUnlock && isLocked(u) && (
            <Popconfirm title={`${t('users.unlock')} ${u.username}?`} onConfirm={() => a.onUnlock(u)}>
              <Button type="link" size="small" data-testid="user-unlock">
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
