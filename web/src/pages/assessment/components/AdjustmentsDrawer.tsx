import { App, Button, Drawer, Form, Input, InputNumber, List, Popconfirm, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentScheme, AssessmentTarget } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useAddAdjustment, useDeleteAdjustment, useTargetDetail } from '../hooks';

const kindColor: Record<string, string> = { bonus: 'green', penalty: 'orange', veto: 'red' };
const open = ['draft', 'self_assessment', 'rating', 'closed'];

/** 加分 / 减分 / 一票否决 of one target, each with its evidence, within the item's cap. */
export function AdjustmentsDrawer({ scheme, target, writable, onClose }: { scheme: AssessmentScheme; target: AssessmentTarget | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<{ item: string; points: number; evidence: string }>();
  const detail = useTargetDetail(target?.id);
  const add = useAddAdjustment(scheme.id);
  const remove = useDeleteAdjustment(scheme.id);
  const item = Form.useWatch('item', form);
  const isVeto = scheme.adjustmentItems.find((i) => i.code === item)?.kind === 'veto';
  const canEdit = writable && open.includes(scheme.status) && !scheme.frozenAt;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({ targetId: target!.id, ...v, points: isVeto ? 0 : v.points });
      form.resetFields();
      void message.success(t('common.created'));
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Drawer open={!!target} width={560} title={`${t('assessment.adj.title')} · ${target?.name ?? ''}`} onClose={onClose} destroyOnHidden>
      <List
        size="small"
        loading={detail.isFetching}
        dataSource={detail.data?.adjustments ?? []}
        renderItem={(a) => (
          <List.Item actions={canEdit ? [<Popconfirm key="d" title={t('common.confirmDelete')} onConfirm={() => remove.mutateAsync(a.id).then(() => detail.refetch(), (e) => onError(e))}><Button type="link" size="small" danger>{t('common.delete')}</Button></Popconfirm>] : []}>
            <List.Item.Meta title={<Space><Tag color={kindColor[a.kind]}>{t(`assessment.adjKind.${a.kind}`)}</Tag>{a.itemName}{a.kind !== 'veto' && <b>{a.kind === 'bonus' ? '+' : '−'}{a.points}</b>}</Space>} description={a.evidence} />
          </List.Item>
        )}
      />
      {canEdit && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
          <Form.Item name="item" label={t('assessment.adj.item')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={scheme.adjustmentItems.map((i) => ({ value: i.code, label: `${t(`assessment.adjKind.${i.kind}`)}｜${i.name}${i.kind === 'veto' ? '' : `（≤${i.cap}）`}` }))} />
          </Form.Item>
          {!isVeto && <Form.Item name="points" label={t('assessment.adj.points')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={0.5} max={100} step={0.5} /></Form.Item>}
          <Form.Item name="evidence" label={t('assessment.adj.evidence')} rules={[{ required: true, message: t('common.required') }, { max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" loading={add.isPending} onClick={() => void submit()}>{t('assessment.adj.add')}</Button>
        </Form>
      )}
    </Drawer>
  );
}
