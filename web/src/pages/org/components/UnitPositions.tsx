import { useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person, Position } from '@santong/contract';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/errors';
import { label } from '../../../locales/keys';
import { PersonFormDrawer, scopeOverride } from '../../people/components/PersonFormDrawer';

/**
 * The positions of a unit. A person's name opens their record; the server
 * decides whether the caller may see it (a liaison gets OUT_OF_SCOPE for
 * people outside their unit subtree, shown as a message).
 */
export function UnitPositions({ positions }: { positions: Position[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const [person, setPerson] = useState<Person | null>(null);
  const [loadingId, setLoadingId] = useState<string | null>(null);

  const open = async (personId: string) => {
    setLoadingId(personId);
    try {
      setPerson(await api.get<Person>(`/api/v1/people/${personId}`));
    } catch (e) {
      onError(e, { override: scopeOverride });
    } finally {
      setLoadingId(null);
    }
  };

  const nameCell = (name: string, p: Position) =>
    can('org.person.read') ? (
      <Typography.Link onClick={() => void open(p.personId)} disabled={loadingId === p.personId} data-testid="position-person">
        {name}
      </Typography.Link>
    ) : (
      name
    );

  return (
    <Card size="small" title={t('org.unit.positions')}>
      <Table<Position>
        size="small"
        rowKey="id"
        dataSource={positions}
        pagination={false}
        columns={[
          { title: t('position.person'), dataIndex: 'personName', render: nameCell },
          { title: t('position.role'), dataIndex: 'role', render: (r: Position['role']) => <Tag color="red">{t(label.positionRole(r))}</Tag> },
          { title: t('position.unit'), dataIndex: 'unitName' },
        ]}
      />
      <PersonFormDrawer open={!!person} editing={person} writable={can('org.person.write')} onClose={() => setPerson(null)} />
    </Card>
  );
}
