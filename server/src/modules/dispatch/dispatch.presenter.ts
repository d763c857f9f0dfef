import type { DispatchCounts, DispatchGroup, DispatchMeeting, DispatchMeetingSummary, DispatchSheet, FollowUpItem } from '@santong/contract';
import { asDate, type FollowUpRow, type MeetingRow } from './dispatch.repo.js';

const iso = (d: Date | string | null) => asDate(d)?.toISOString() ?? null;

export function presentMeetingSummary(r: MeetingRow): DispatchMeetingSummary {
  const counts = ((r.sheet as { counts?: DispatchCounts } | null)?.counts ?? null) as DispatchCounts | null;
  return {
    id: r.id, campaignId: r.campaignId, campaignTitle: r.campaignTitle, isoWeek: r.isoWeek, heldOn: r.heldOn,
    chairPersonId: r.chairPersonId, chairName: r.chairName, attendees: r.attendees, minutes: r.minutes,
    preparedAt: iso(r.preparedAt), counts, followUpCount: Number(r.followUpCount), openFollowUpCount: Number(r.openFollowUpCount),
    version: r.version, createdAt: iso(r.createdAt)!,
  };
}

type StoredGroup = DispatchGroup | (Omit<DispatchGroup, 'taskIds' | 'followUpIds'> & { tasks: { taskId: string }[]; followUps: { id: string }[] });

/** A stored sheet; those stored before groups named their lines by id carried the lines in each group. */
export function storedSheet(raw: unknown): DispatchSheet | null {
  const sheet = raw as (Omit<DispatchSheet, 'byUnit' | 'byLeader'> & { byUnit: StoredGroup[]; byLeader: StoredGroup[] }) | null;
  if (!sheet) return null;
  const group = (g: StoredGroup): DispatchGroup =>
    'taskIds' in g ? g : { key: g.key, name: g.name, unitNames: g.unitNames, counts: g.counts, taskIds: g.tasks.map((t) => t.taskId), followUpIds: g.followUps.map((f) => f.id) };
  return { ...sheet, byUnit: sheet.byUnit.map(group), byLeader: sheet.byLeader.map(group) };
}

export function presentMeeting(r: MeetingRow): DispatchMeeting {
  return { ...presentMeetingSummary(r), sheet: storedSheet(r.sheet) };
}

export function presentFollowUp(r: FollowUpRow, today: string, canClose: boolean): FollowUpItem {
  return {
    id: r.id, campaignId: r.campaignId, campaignTitle: r.campaignTitle, meetingId: r.meetingId, meetingWeek: r.meetingWeek,
    title: r.title, ownerUnitId: r.ownerUnitId, ownerUnitName: r.ownerUnitName, dueDate: r.dueDate, status: r.status,
    closingNote: r.closingNote, closedAt: iso(r.closedAt), overdue: r.status === 'open' && r.dueDate < today,
    canClose: canClose && r.status === 'open', version: r.version, createdAt: iso(r.createdAt)!,
  };
}

export const reasonLabel: Record<string, string> = { overdue: '逾期', due_soon: '7日内到期', red: '红灯', stale: '14日未报进展' };
export const ragLabel: Record<string, string> = { red: '红', amber: '黄', green: '绿', none: '—' };
export const taskStatusLabel: Record<string, string> = { planned: '未开始', issued: '已下达', signed: '已签收', in_progress: '进行中', done: '已完成', cancelled: '已取消' };
export const followUpStatusLabel: Record<string, string> = { open: '办理中', done: '已办结' };
