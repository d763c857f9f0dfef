import { App, Button, Form, Popconfirm, Select, Table } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignBody, CampaignMember } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { campaignLabel, rolesOfBody } from '../labels';
import { useAddMember, useRemoveMember, useUpdateMember, type MemberFormValues } from '../hooks';

/** The members of one body: change a role, remove someone, add a person with a role (and unit). */
export function MemberEditor({ body, writable }: { body: CampaignBody; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<MemberFormValues>();
  const add = useAddMember();
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const roles = rolesOfBody[body.kind];
  const roleOptions = roles.map((r) => ({ value: r, label: t(campaignLabel.memberRole(r)) }));

  const submit = async (values: MemberFormValues) => {
    try {
      await add.mutateAsync({ bodyId: body.id, values });
      form.resetFields();
      form.setFieldsValue({ role: roles[0] });
      void message.success(t('common.created'));
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <>
      {writable && (
        <Form<MemberFormValues> form={form} name="member" layout="inline" initialValues={{ role: roles[0] }} onFinish={(v) => void submit(v)} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="personId" rules={[{ required: true, message: t('common.required') }]}>
            <PersonSelect placeholder={t('campaign.member.person')} style={{ width: 230 }} />
          </Form.Item>
          <Form.Item name="role">
            <Select options={roleOptions} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unitId" tooltip={t('campaign.member.unitHint')}>
            <UnitTreeSelect placeholder={t('campaign.member.unit')} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="member-add">
              {t('campaign.member.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<CampaignMember>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={body.members}
        data-testid="member-table"
        columns={[
          { title: t('campaign.member.person'), dataIndex: 'personName', width: 110 },
          { title: t('person.title'), dataIndex: 'personTitle', ellipsis: true },
          {
            title: t('campaign.member.role'),
            dataIndex: 'role',
            width: 120,
            render: (r: CampaignMember['role'], m) =>
              writable ? (
                <Select
                  size="small"
                  value={r}
                  style={{ width: 100 }}
                  options={roles.includes(r) ? roleOptions : [...roleOptions, { value: r, label: t(campaignLabel.memberRole(r)) }]}
                  onChange={(role) => update.mutateAsync({ id: m.id, role }).catch(onError)}
                />
              ) : (
                t(campaignLabel.memberRole(r))
              ),
          },
          { title: t('campaign.member.unit'), dataIndex: 'unitName', ellipsis: true, render: (v: string | null) => v ?? '—' },
          ...(writable
            ? [
                {
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, m: CampaignMember) => (
                    <Popconfirm title={t('campaign.member.removeConfirm')} onConfirm={() => remove.mutateAsync(m).catch(onError)}>
                      <Button type="text" danger size="small" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
