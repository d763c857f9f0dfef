import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '@santong/contract';
import { ragColor, taskLabel } from '../labels';

/** The red/amber/green dot, with the rule that gave the colour as its tooltip. */
export function RagDot({ rag, size = 10 }: { rag: Task['rag']; size?: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t(taskLabel.rag(rag))} · ${t(taskLabel.ragHint(rag))}`}>
      <span
        data-testid={`rag-${rag}`}
        aria-label={t(taskLabel.rag(rag))}
        style={{ display: 'inline-block', width: size, height: size, borderRadius: '50%', background: ragColor[rag], flex: 'none' }}
      />
    </Tooltip>
  );
}
