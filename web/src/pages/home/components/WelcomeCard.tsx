import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@santong/contract';
import { label } from '../../../locales/keys';

export function WelcomeCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="welcome-card" style={{ borderTop: '3px solid #c62828' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('home.tenant')}>{user.tenantName}</Descriptions.Item>
        <Descriptions.Item label={t('home.roles')}>
          <Space size={[4, 4]} wrap>
            {user.roles.map((r) => (
              <Tag key={r} color="red">
                {t(label.role(r))}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('home.scope')}>
          {t(`scope.${user.scope.kind}`)}
          {user.scope.kind !== 'all' && user.scope.kind !== 'self' && t('home.scopeUnits', { count: user.scope.unitIds.length })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
