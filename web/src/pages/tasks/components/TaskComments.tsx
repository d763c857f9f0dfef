import { useState } from 'react';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Task } from '@santong/contract';
import { useApiError } from '../../../app/errors';
import { useAddComment, useComments } from '../hooks';

/** Leaders' instructions (批示) and the office's remarks on a task. */
export function TaskComments({ k }: { k: Task }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const { data } = useComments(k.id);
  const add = useAddComment();
  const [text, setText] = useState('');
  const send = () =>
    add.mutate({ task: k, body: text.trim() }, { onSuccess: () => setText(''), onError: (e) => onError(e) });
  return (
    <div data-testid="task-comments">
      {data?.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space>
                  <Typography.Text strong>{c.authorName}</Typography.Text>
                  <Typography.Text type="secondary">{dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                </Space>
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.comment.none')} />
      )}
      {k.can.comment && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} placeholder={t('task.comment.placeholder')} maxLength={2000} autoSize={{ minRows: 2 }} data-testid="comment-input" />
          <Button type="primary" disabled={!text.trim()} loading={add.isPending} onClick={send} data-testid="comment-send">
            {t('task.comment.send')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
