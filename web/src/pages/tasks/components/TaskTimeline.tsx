import { useMemo } from 'react';
import { Empty, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Task } from '@santong/contract';
import { ragColor } from '../labels';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const LABEL_WIDTH = 260;

/** Month ticks between two dates, as [label, position 0..1]. */
function months(from: number, to: number): [string, number][] {
  const out: [string, number][] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  while (cursor <= to) {
    if (cursor >= from) out.push([dayjs(cursor).format('YYYY-MM'), (cursor - from) / (to - from)]);
    const c = new Date(cursor);
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return out;
}

/** A Gantt-like view: one bar per task over its dates, coloured by RAG, filled to its progress, with a today line. */
export function TaskTimeline({ items, onOpen }: { items: Task[]; onOpen: (k: Task) => void }) {
  const { t } = useTranslation();
  const span = useMemo(() => {
    if (!items.length) return null;
    const from = Math.min(...items.map((k) => ms(k.startDate)));
    const to = Math.max(...items.map((k) => ms(k.dueDate))) + DAY;
    return { from, to };
  }, [items]);
  if (!span) return <Empty />;
  const pos = (v: number) => `${Math.max(0, Math.min(1, (v - span.from) / (span.to - span.from))) * 100}%`;
  const today = Date.parse(`${dayjs().format('YYYY-MM-DD')}T00:00:00Z`);
  const sorted = [...items].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.dueDate.localeCompare(b.dueDate));
  return (
    <div data-testid="task-timeline" style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: 900, position: 'relative' }}>
        <div style={{ display: 'flex', borderBottom: '1px solid #f0f0f0', height: 28 }}>
          <div style={{ width: LABEL_WIDTH, flex: 'none' }} />
          <div style={{ position: 'relative', flex: 1 }}>
            {months(span.from, span.to).map(([label, p]) => (
              <span key={label} style={{ position: 'absolute', left: `${p * 100}%`, fontSize: 12, color: '#8c8c8c', borderLeft: '1px solid #f0f0f0', paddingLeft: 4 }}>
                {label}
              </span>
            ))}
          </div>
        </div>
        {sorted.map((k) => (
          <div key={k.id} style={{ display: 'flex', alignItems: 'center', height: 30, borderBottom: '1px dashed #f5f5f5', cursor: 'pointer' }} onClick={() => onOpen(k)}>
            <Typography.Text ellipsis style={{ width: LABEL_WIDTH, flex: 'none', paddingRight: 8, paddingLeft: k.parentId ? 16 : 0 }}>
              {k.title}
            </Typography.Text>
            <div style={{ position: 'relative', flex: 1, height: 16 }}>
              <Tooltip title={`${k.title}：${k.startDate} ~ ${k.dueDate}，${t('task.progress')} ${k.progress}%`}>
                <div
                  data-testid="timeline-bar"
                  style={{
                    position: 'absolute', left: pos(ms(k.startDate)), width: `calc(${pos(ms(k.dueDate) + DAY)} - ${pos(ms(k.startDate))})`, minWidth: 4,
                    height: 16, borderRadius: 3, background: `${ragColor[k.rag]}40`, border: `1px solid ${ragColor[k.rag]}`, overflow: 'hidden',
                  }}
                >
                  <div style={{ width: `${k.progress}%`, height: '100%', background: ragColor[k.rag] }} />
                </div>
              </Tooltip>
            </div>
          </div>
        ))}
        {today >= span.from && today <= span.to && (
          <div style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${LABEL_WIDTH}px + (100% - ${LABEL_WIDTH}px) * ${(today - span.from) / (span.to - span.from)})`, borderLeft: '2px solid #c62828' }}>
            <span style={{ fontSize: 11, color: '#c62828', paddingLeft: 2 }}>{t('task.timeline.today')}</span>
          </div>
        )}
      </div>
    </div>
  );
}
