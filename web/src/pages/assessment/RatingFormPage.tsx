import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Descriptions, InputNumber, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, LeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RatingItem } from '@santong/contract';
import { isApiError } from '../../app/api';
import { useApiError } from '../../app/errors';
import { useRatingForm, useSaveRating, useSubmitRating } from './hooks';
import { trackColor } from './labels';
import { ResultsPanel } from '../assessment-results/components/ResultsPanel';

type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };
const AUTOSAVE_MS = 1200;

/** Scores typed on the form, saved in the background a moment after the last change. */
function useAutosave(id: string, onError: (e: unknown) => void) {
  const save = useSaveRating(id);
  const pending = useRef(new Map<string, number | null>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [scored, setScored] = useState<number | null>(null);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (!pending.current.size) return true;
    const scores = [...pending.current].map(([indicatorId, score]) => ({ indicatorId, score }));
    pending.current.clear();
    setState({ kind: 'saving' });
    try {
      const r = await save.mutateAsync(scores);
      setScored(r.scored);
      setState({ kind: 'saved', at: r.savedAt });
      return true;
    } catch (e) {
      setState({ kind: 'failed' });
      onError(e);
      return false;
    }
  }, [save, onError]);
  const change = (indicatorId: string, score: number | null) => {
    pending.current.set(indicatorId, score);
    setState({ kind: 'dirty' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return { state, scored, change, flush };
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state.kind === 'saving') return <Typography.Text type="secondary" data-testid="autosave"><CloudSyncOutlined spin /> {t('assessment.rating.saving')}</Typography.Text>;
  if (state.kind === 'saved') return <Typography.Text type="success" data-testid="autosave"><CheckCircleOutlined /> {t('assessment.rating.saved', { time: dayjs(state.at).format('HH:mm:ss') })}</Typography.Text>;
  if (state.kind === 'dirty') return <Typography.Text type="warning" data-testid="autosave">{t('assessment.rating.unsaved')}</Typography.Text>;
  if (state.kind === 'failed') return <Typography.Text type="danger" data-testid="autosave"><ExclamationCircleOutlined /> {t('assessment.rating.saveFailed')}</Typography.Text>;
  return null;
}

/** 评分表: the target's manual indicators with observation points and self scores; autosave and a final submit. */
export default function RatingFormPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const { data: form, isLoading } = useRatingForm(assignmentId);
  const submit = useSubmitRating(assignmentId);
  const { state, scored, change, flush } = useAutosave(assignmentId, onError);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (form) setValues(Object.fromEntries(form.items.map((i) => [i.indicatorId, i.score])));
  }, [form]);
  if (isLoading || !form) return <Card loading />;

  const editable = form.editable;
  const set = (id: string, v: number | null) => {
    setValues((old) => ({ ...old, [id]: v }));
    missing.delete(id);
    change(id, v);
  };
  const doSubmit = async () => {
    if (!(await flush())) return;
    try {
      await submit.mutateAsync();
      void message.success(t('assessment.rating.submitted'));
    } catch (e) {
      if (isApiError(e) && e.code === 'VALIDATION_FAILED') setMissing(new Set(((e.details?.issues ?? []) as { path: string }[]).map((i) => i.path.replace(/^scores\./, ''))));
      onError(e);
    }
  };
  const s = form.summary;
  const done = scored ?? Object.values(values).filter((v) => v !== null && v !== undefined).length;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rating-form">
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space>
            <Link to="/assess/ratings"><Button type="text" icon={<LeftOutlined />}>{t('assessment.rating.back')}</Button></Link>
            <Typography.Title level={4} style={{ margin: 0 }}>{s.targetName}</Typography.Title>
            <Tag color={s.status === 'submitted' ? 'success' : 'processing'}>{t(`assessment.rating.state.${s.status}`)}</Tag>
          </Space>
          <Space>
            <SaveIndicator state={state} />
            <Typography.Text>{t('assessment.rating.count', { scored: done, total: s.total })}</Typography.Text>
            {editable && (
              <Popconfirm title={t('assessment.rating.submitConfirm')} onConfirm={() => void doSubmit()}>
                <Button type="primary" loading={submit.isPending} data-testid="rating-submit">{t('assessment.rating.submit')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
        <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('assessment.rating.scheme')}>{s.schemeTitle}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.rating.group')}>{s.groupName}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.rating.deadline')}>{s.ratingDeadline ?? '—'}</Descriptions.Item>
        </Descriptions>
        {!editable && <Alert type="info" showIcon message={t('assessment.rating.readOnly')} />}
      </Card>
      <Collapse size="small" items={[{
        key: 'reports', label: t('assessment.rating.reports'),
        children: form.reports.map((r) => (
          <div key={r.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t(`assessment.reportKind.${r.kind}`)}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} type={r.submittedAt ? undefined : 'secondary'}>{r.submittedAt ? r.body : t('assessment.rating.noReport')}</Typography.Paragraph>
          </div>
        )),
      }]} />
      <Collapse size="small" items={[{ key: 'lastYear', label: t('results.lastYear'), children: <ResultsPanel targetId={s.targetId} beforeYear={s.year} /> }]} />
      <Card size="small">
        <Table<RatingItem>
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={form.items}
          onRow={(i) => ({ style: missing.has(i.indicatorId) ? { background: '#fff1f0' } : undefined })}
          columns={[
            {
              title: t('assessment.rating.indicator'), key: 'name', width: 260,
              render: (_, i) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.path.join(' / ')}</Typography.Text>
                  <span><Tag color={trackColor[i.track]}>{t(`assessment.track.${i.track}`)}</Tag>{i.name}</span>
                </Space>
              ),
            },
            { title: t('assessment.rating.points'), dataIndex: 'observationPoints', render: (v: string | null) => <Typography.Text style={{ fontSize: 13 }}>{v}</Typography.Text> },
            { title: t('assessment.rating.max'), dataIndex: 'maxScore', width: 60, align: 'center' },
            {
              title: t('assessment.rating.self'), key: 'self', width: 80, align: 'center',
              render: (_, i) => i.selfScore === null ? '—' : <Tooltip title={i.selfEvidence}><Tag color="gold">{i.selfScore}</Tag></Tooltip>,
            },
            {
              title: t('assessment.rating.score'), key: 'score', width: 120,
              render: (_, i) => (
                <InputNumber
                  min={0} max={i.maxScore} step={0.5} disabled={!editable} value={values[i.indicatorId] ?? null} status={missing.has(i.indicatorId) ? 'error' : undefined}
                  onChange={(v) => set(i.indicatorId, typeof v === 'number' ? v : null)} data-testid={`score-${i.indicatorId}`}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
