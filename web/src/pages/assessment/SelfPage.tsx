import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Empty, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AssessmentIndicator, TargetDetail, TargetReport } from '@santong/contract';
import { useApiError } from '../../app/errors';
import { AttachmentList } from '../study/components/AttachmentList';
import { useSaveReport, useSaveSelfScores, useSelfTargets } from './hooks';
import { statusColor, trackColor } from './labels';

const reportOpen = ['self_assessment', 'rating'];

function ReportCard({ target, report, status }: { target: TargetDetail['target']; report: TargetReport; status: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const save = useSaveReport();
  const [body, setBody] = useState(report.body ?? '');
  useEffect(() => setBody(report.body ?? ''), [report.body]);
  const editable = reportOpen.includes(status);
  const overdue = !report.submittedAt && report.deadline && dayjs().isAfter(dayjs(report.deadline).endOf('day'));
  const run = (submit: boolean) => save.mutateAsync({ targetId: target.id, report, body, submit }).then(() => message.success(t(submit ? 'assessment.rating.submitted' : 'common.saved')), (e) => onError(e));
  return (
    <Card size="small" title={t(`assessment.reportKind.${report.kind}`)} extra={
      <Space>
        {report.deadline && <Typography.Text type="secondary">{t('assessment.self.deadline', { date: report.deadline })}</Typography.Text>}
        {report.submittedAt ? <Tag color="success">{t('assessment.self.submittedAt', { time: dayjs(report.submittedAt).format('MM-DD HH:mm') })}</Tag> : <Tag color={overdue ? 'error' : 'default'}>{t(overdue ? 'assessment.self.overdue' : 'assessment.self.notSubmitted')}</Tag>}
      </Space>
    }>
      <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} rows={6} readOnly={!editable} maxLength={20000} />
      <div style={{ marginTop: 8 }}>
        <AttachmentList entity="target_report" entityId={report.id} writable={editable} saveFirstText="" />
      </div>
      {editable && (
        <Space style={{ marginTop: 8 }}>
          <Button loading={save.isPending} onClick={() => void run(false)}>{t('assessment.self.saveDraft')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void run(true)}>{t('assessment.self.submit')}</Button>
        </Space>
      )}
    </Card>
  );
}

function SelfScores({ detail }: { detail: TargetDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const save = useSaveSelfScores();
  const leaves = detail.indicators.filter((i) => i.isLeaf && i.method === 'manual');
  const [values, setValues] = useState<Record<string, { score?: number | null; evidence?: string | null }>>({});
  useEffect(() => setValues(Object.fromEntries(detail.selfScores.map((s) => [s.indicatorId, { score: s.score, evidence: s.evidence }]))), [detail.selfScores]);
  const names = new Map(detail.indicators.map((i) => [i.id, i]));
  const pathOf = (i: AssessmentIndicator) => { const p: string[] = []; for (let x = i.parentId ? names.get(i.parentId) : undefined; x; x = x.parentId ? names.get(x.parentId) : undefined) p.unshift(x.name); return p.join(' / '); };
  const submit = () => {
    const scores = leaves.flatMap((l) => (values[l.id]?.score ?? null) === null ? [] : [{ indicatorId: l.id, score: values[l.id]!.score!, evidence: values[l.id]?.evidence ?? null }]);
    if (!scores.length) return;
    void save.mutateAsync({ targetId: detail.target.id, scores }).then(() => message.success(t('common.saved')), (e) => onError(e));
  };
  const editable = detail.canSelfAssess;
  return (
    <Card size="small" title={t('assessment.self.scores')} extra={!editable && <Typography.Text type="secondary">{t('assessment.self.readOnly')}</Typography.Text>}>
      <Table size="small" rowKey="id" pagination={false} dataSource={leaves}
        columns={[
          { title: t('assessment.rating.indicator'), key: 'name', render: (_, l) => <Space direction="vertical" size={0}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{pathOf(l)}</Typography.Text><span><Tag color={trackColor[l.track]}>{t(`assessment.track.${l.track}`)}</Tag>{l.name}</span></Space> },
          { title: t('assessment.rating.points'), dataIndex: 'observationPoints', width: 280, render: (v: string | null) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
          { title: t('assessment.rating.max'), dataIndex: 'maxScore', width: 60 },
          { title: t('assessment.self.score'), key: 'score', width: 110, render: (_, l) => <InputNumber min={0} max={l.maxScore} step={0.5} disabled={!editable} value={values[l.id]?.score ?? null} onChange={(v) => setValues({ ...values, [l.id]: { ...values[l.id], score: v } })} /> },
          { title: t('assessment.self.evidence'), key: 'evidence', width: 260, render: (_, l) => <Input disabled={!editable} value={values[l.id]?.evidence ?? ''} onChange={(e) => setValues({ ...values, [l.id]: { ...values[l.id], evidence: e.target.value } })} /> },
        ]} />
      {editable && <Button type="primary" style={{ marginTop: 8 }} loading={save.isPending} onClick={submit}>{t('assessment.self.saveScores')}</Button>}
    </Card>
  );
}

/** 单位自评: the unit's two self reports (说院/说处, 述党建) and its self scores on the manual indicators. */
export default function SelfPage() {
  const { t } = useTranslation();
  const { data, isLoading } = useSelfTargets();
  if (isLoading) return <Card loading />;
  if (!data?.items.length) return <Card><Empty description={t('assessment.self.empty')} /></Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data.items.map((d) => (
        <Card key={d.target.id} title={<Space>{d.scheme.title}<Tag color={statusColor[d.scheme.status]}>{t(`assessment.status.${d.scheme.status}`)}</Tag></Space>} extra={<b>{d.target.name}</b>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Row gutter={12}>
              {d.target.reports.map((r) => <Col key={r.id} xs={24} lg={12}><ReportCard target={d.target} report={r} status={d.scheme.status} /></Col>)}
            </Row>
            <SelfScores detail={d} />
          </Space>
        </Card>
      ))}
    </Space>
  );
}
