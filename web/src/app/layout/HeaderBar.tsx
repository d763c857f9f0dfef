import { Avatar, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { LangSwitch } from '../../components/LangSwitch';
import { NotificationBell } from '../../pages/notifications/NotificationBell';
import { SearchBox } from '../../pages/search/SearchBox';
import { brand } from '../theme';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="st-brand">
      <span className="st-brand-mark">{brand.mark}</span>
      <span>{t('app.platform')}</span>
      <span className="st-brand-sub">{t('app.subtitle')}</span>
    </div>
  );
}

export function HeaderBar() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('user.menu.changePassword')}</span> },
    { key: 'security', icon: <SafetyOutlined />, label: <span data-testid="menu-security">{t('user.menu.security')}</span> },
    { key: 'notifyPrefs', icon: <BellOutlined />, label: <span data-testid="menu-notify-prefs">{t('user.menu.notifyPrefs')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('user.menu.logout')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'security') navigate('/account/security');
    if (key === 'notifyPrefs') navigate('/account/notification-preferences');
    if (key === 'logout') void logout();
  };

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: '100%' }}>
      <Brand />
      <div className="st-header-actions">
        <SearchBox />
        <NotificationBell />
        <LangSwitch />
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          <span className="st-user" data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#f6d365', color: '#b71c1c' }} />
            <Space size={4}>
              {user?.displayName}
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </span>
        </Dropdown>
      </div>
    </div>
  );
}
