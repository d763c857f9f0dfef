import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Popconfirm, Space, Divider } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Lecture } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { PersonSelect } from '../../../components/PersonSelect';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { AttachmentList } from '../../study/components/AttachmentList';
import { useUnitInScope } from '../../study/hooks';
import { useDeleteLecture, useSaveLecture, type LectureFormValues } from '../hooks';

interface Props {
  open: boolean;
  editing: Lecture | null;
  writable: boolean;
  onClose: () => void;
}

type FormShape = Omit<LectureFormValues, 'heldOn'> & { heldOn: Dayjs };

export function LectureFormDrawer({ open, editing, writable: allowed, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const inScope = useUnitInScope();
  const [form] = Form.useForm<FormShape>();
  const save = useSaveLecture();
  const del = useDeleteLecture();
  // A leader sees the lectures they gave anywhere; editing needs the audience unit in scope.
  const writable = allowed && (!editing || inScope(editing.audienceUnitId));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, heldOn: dayjs(editing.heldOn) });
    else form.setFieldsValue({ heldOn: dayjs() });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ editing, values: { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') } });
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onClose();
    } catch (e) {
      onError(e, { form });
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      await del.mutateAsync(editing);
      void message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Drawer
      open={open}
      forceRender
      width={560}
      title={t(!writable ? 'lecture.view' : editing ? 'lecture.edit' : 'lecture.new')}
      onClose={onClose}
      extra={
        writable && (
          <Space>
            {editing && (
              <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={del.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="lecture-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<FormShape> form={form} layout="vertical" disabled={!writable}>
        <Form.Item name="topic" label={t('lecture.topic')} rules={[...required, { whitespace: true }, { max: 200 }]}>
          <Input id="topic" maxLength={200} />
        </Form.Item>
        <Form.Item name="lecturerPersonId" label={t('lecture.lecturer')} rules={required}>
          <PersonSelect id="lecturerPersonId" initialLabel={editing?.lecturerName} allowClear={false} />
        </Form.Item>
        <Form.Item name="audienceUnitId" label={t('lecture.audienceUnit')} rules={required}>
          <UnitTreeSelect id="audienceUnitId" allowClear={false} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="heldOn" label={t('lecture.heldOn')} rules={required} style={{ flex: 1 }}>
            <DatePicker id="heldOn" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="audienceCount" label={t('lecture.audienceCount')} rules={[...required, { type: 'integer', min: 1, message: t('lecture.audienceCountMin') }]} style={{ flex: 1 }}>
            <InputNumber id="audienceCount" min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="location" label={t('lecture.location')} rules={[{ max: 200 }]}>
          <Input id="location" maxLength={200} />
        </Form.Item>
      </Form>
      <Divider orientation="left" plain>
        {t('lecture.materials')}
      </Divider>
      <AttachmentList entity="lecture" entityId={editing?.id} writable={writable} purpose="materials" saveFirstText={t('study.attachment.saveFirst')} />
    </Drawer>
  );
}
