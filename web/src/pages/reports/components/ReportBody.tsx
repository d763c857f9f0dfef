import { Descriptions, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ProgressReport, ProgressReportDetail } from '@santong/contract';
import { actionColor, reportLabel, reportStatusColor } from '../labels';
import { EvidenceList } from './EvidenceList';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const para = (text: string | null) => (text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : '—');

export function ReportStatusTag({ r }: { r: Pick<ProgressReport, 'status' | 'revision'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={reportStatusColor[r.status]} data-testid={`report-status-${r.status}`}>
      {t(reportLabel.status(r.status))}
      {r.revision > 1 ? ` · ${t('report.revision', { n: r.revision })}` : ''}
    </Tag>
  );
}

/** What the report says: progress, what was done, problems, next steps, evidence and the latest review. */
export function ReportBody({ r }: { r: ProgressReport }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label={t('report.progress')}>
        <Progress percent={r.progress} size="small" style={{ maxWidth: 260, margin: 0 }} />
      </Descriptions.Item>
      <Descriptions.Item label={t('report.doneText')}>{para(r.doneText)}</Descriptions.Item>
      <Descriptions.Item label={t('report.problems')}>{para(r.problems)}</Descriptions.Item>
      <Descriptions.Item label={t('report.nextSteps')}>{para(r.nextSteps)}</Descriptions.Item>
      <Descriptions.Item label={t('report.evidence')}>
        <EvidenceList files={r.evidence} />
      </Descriptions.Item>
      <Descriptions.Item label={t('report.reporter')}>{`${r.reporterName} · ${when(r.submittedAt)}`}</Descriptions.Item>
      {r.reviewedAt && (
        <Descriptions.Item label={t('report.review')}>
          <Space direction="vertical" size={0}>
            <span>{`${r.reviewerName ?? ''} · ${when(r.reviewedAt)}`}</span>
            {r.reviewComment && <Typography.Text type={r.status === 'returned' ? 'warning' : undefined}>{r.reviewComment}</Typography.Text>}
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Every submit, return, resubmit and approval of the report, oldest first. */
export function ReportEvents({ r }: { r: ProgressReportDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="report-events"
      items={r.events.map((e) => ({
        color: actionColor[e.action],
        children: (
          <Space direction="vertical" size={0}>
            <span>
              <Typography.Text strong>{t(reportLabel.action(e.action))}</Typography.Text>
              {e.revision ? ` · ${t('report.revision', { n: e.revision })}` : ''}
              {e.progress !== null ? ` · ${e.progress}%` : ''}
            </span>
            <Typography.Text type="secondary">{`${e.actorName ?? ''} ${when(e.at)}`}</Typography.Text>
            {e.comment && <span style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</span>}
          </Space>
        ),
      }))}
    />
  );
}
