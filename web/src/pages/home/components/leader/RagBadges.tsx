import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaderRag, LeaderRagCounts } from '@santong/contract';

export const ragColor: Record<LeaderRag, string> = { red: '#d32f2f', amber: '#f9a825', green: '#2e7d32', none: '#9e9e9e' };
export const ragKey = (r: LeaderRag) => `leaderView.rag.${r}` as const;

/** Red / amber / green counts as coloured tags (done and cancelled tasks have no colour). */
export function RagBadges({ rag, showNone = false }: { rag: LeaderRagCounts; showNone?: boolean }) {
  const { t } = useTranslation();
  const keys: LeaderRag[] = showNone ? ['red', 'amber', 'green', 'none'] : ['red', 'amber', 'green'];
  return (
    <Space size={4}>
      {keys.map((k) => (
        <Tooltip key={k} title={t(ragKey(k))}>
          <Tag color={ragColor[k]} style={{ marginInlineEnd: 0, minWidth: 32, textAlign: 'center' }} data-testid={`rag-${k}`}>
            {rag[k]}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export function RagDot({ rag }: { rag: LeaderRag }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(ragKey(rag))}>
      <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: ragColor[rag] }} />
    </Tooltip>
  );
}
