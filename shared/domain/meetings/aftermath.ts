/**
 * Recording what happens around a meeting, as pure changes: materials delivered to each attendee (art. 45),
 * the record of each topic (art. 47), the 常务会议's three reports (art. 42), documents to issue (art. 53), and
 * moving a postponed meeting to a new date (art. 39) with its history kept.
 */
import { isIsoDate, type IsoDate } from '../../calendar/iso-date';
import { finding, type Finding } from '../findings';
import type { PersonId, TopicId } from '../ids';
import {
  MEETING_KIND_LABELS,
  activeTopics,
  stateReached,
  type DocumentToIssue,
  type IssueDeadline,
  type MaterialDelivery,
  type Meeting,
  type ReportTarget,
  type Reschedule,
  type Topic,
} from '../meeting';
import { MeetingActionError } from './decisions';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// --- Materials (art. 45) ----------------------------------------------------------------------------------

export interface DeliveryInput {
  readonly on: string;
  readonly at: string;
  readonly by: string;
}

export function deliveryInputError(d: DeliveryInput): string | undefined {
  if (!isIsoDate(d.on)) return '请选择送达日期';
  if (d.at !== '' && !TIME.test(d.at)) return '送达时间格式应为 HH:MM，例如 09:30';
  if (d.by.trim() === '') return '请填写送达人';
  if (d.by.trim().length > 50) return '送达人最多 50 字';
  return undefined;
}

/** Who should receive the materials: everyone listed except assistants, who get them through their principal. */
export function materialRecipients(m: Meeting): PersonId[] {
  return [...new Set(m.attendees.filter((a) => a.role !== 'assistant').map((a) => a.personId))];
}

export const deliveryOf = (m: Meeting, p: PersonId): MaterialDelivery | undefined =>
  m.deliveries.find((d) => d.personId === p);

/** 未送达: recipients with no delivery on record. */
export function undeliveredRecipients(m: Meeting): PersonId[] {
  return materialRecipients(m).filter((p) => deliveryOf(m, p) === undefined);
}

/** Records delivery to each of `people` (one action may cover several); replaces an earlier record. */
export function recordDeliveries(m: Meeting, people: readonly PersonId[], d: DeliveryInput): Meeting {
  if (people.length === 0) throw new MeetingActionError('请先选择已送达的与会人员。');
  const entry = (personId: PersonId): MaterialDelivery => ({
    personId,
    on: d.on as IsoDate,
    ...(d.at !== '' ? { at: d.at } : {}),
    by: d.by.trim(),
  });
  const set = new Set(people);
  return { ...m, deliveries: [...m.deliveries.filter((x) => !set.has(x.personId)), ...people.map(entry)] };
}

/** Withdraws a delivery recorded by mistake (the audit trail keeps it). */
export function clearDelivery(m: Meeting, p: PersonId): Meeting {
  if (deliveryOf(m, p) === undefined) throw new MeetingActionError('此人没有送达记录。');
  return { ...m, deliveries: m.deliveries.filter((x) => x.personId !== p) };
}

/** Art. 45: materials reach attendees before the meeting day. */
export function checkDelivery(m: Meeting, d: DeliveryInput): Finding[] {
  if (!isIsoDate(d.on) || d.on < m.date) return [];
  return [
    finding(
      'meeting.materials.lateDelivery',
      [45],
      'warn',
      { kind: 'meeting', id: m.id },
      `会议文件和议题应于会前送达与会人员，登记的送达日期（${d.on}）不早于会议日期（${m.date}）。请核实。`,
    ),
  ];
}

// --- Records (art. 47) ------------------------------------------------------------------------------------

export const recordOf = (m: Meeting, t: TopicId) => m.records.find((r) => r.topicId === t);

/** Saves the record of one topic (replacing the earlier text). */
export function saveTopicRecord(m: Meeting, topicId: TopicId, recorderId: PersonId, text: string): Meeting {
  if (!m.topics.some((t) => t.id === topicId)) throw new MeetingActionError('找不到这个议题，请刷新后重试。');
  if (text.trim() === '') throw new MeetingActionError('请填写会议纪录的内容。');
  const record = { topicId, recorderId, text: text.trim() };
  return {
    ...m,
    records: m.records.some((r) => r.topicId === topicId)
      ? m.records.map((r) => (r.topicId === topicId ? record : r))
      : [...m.records, record],
  };
}

/** Before recording: a designated recorder (art. 47); another person recording is noted. */
export function checkTopicRecord(m: Meeting, recorderId: PersonId | undefined): Finding[] {
  const out: Finding[] = [];
  if (m.recorderId === undefined) {
    out.push(
      finding(
        'meeting.recorder.missing',
        [47],
        'block',
        { kind: 'meeting', id: m.id },
        '尚未确定会议纪录人。会议由区政府办公室确定专人负责做好会议纪录，请先在会议信息中指定纪录人。',
      ),
    );
  } else if (recorderId !== undefined && recorderId !== m.recorderId) {
    out.push(
      finding(
        'meeting.record.recorder',
        [47],
        'warn',
        { kind: 'meeting', id: m.id },
        '纪录人与本次会议指定的纪录人不一致，请说明原因。',
      ),
    );
  }
  if (m.state === 'cancelled') {
    out.push(
      finding(
        'meeting.record.cancelled',
        [47],
        'block',
        { kind: 'meeting', id: m.id },
        '会议已取消，不能登记会议纪录。',
      ),
    );
  }
  return out;
}

/** The 议定事项 line for a topic in a minutes draft: the topic's record when there is one, else its proposal. */
export function agreedTextOf(m: Meeting, t: Topic): string {
  return recordOf(m, t.id)?.text ?? t.proposedDecision ?? '';
}

/** The minutes' 议定事项 lines, numbered, one per active topic (art. 47: drafted from agenda and record). */
export function agreedItemsDraft(m: Meeting): string {
  return activeTopics(m)
    .map((t, i) => `${i + 1}. ${t.title}：${agreedTextOf(m, t).replace(/\s*\n\s*/g, ' ')}`)
    .join('\n');
}

// --- Reports after a 常务会议 (art. 42) ------------------------------------------------------------------

export interface ReportDoneInput {
  readonly on: string;
  readonly by: string;
  readonly note: string;
}

export function reportDoneError(r: ReportDoneInput, m: Meeting, today: IsoDate): string | undefined {
  if (!isIsoDate(r.on)) return '请选择完成日期';
  if (r.on < m.date) return `完成日期不能早于会议日期（${m.date}）`;
  if (r.on > today) return '完成日期不能晚于今天';
  if (r.by.trim() === '') return '请填写经办人';
  if (r.by.trim().length > 50) return '经办人最多 50 字';
  return undefined;
}

export function markReportDone(m: Meeting, target: ReportTarget, r: ReportDoneInput): Meeting {
  if (m.kind !== 'executive') throw new MeetingActionError('只有区政府常务会议需要会后报告（第四十二条）。');
  const task = {
    target,
    doneOn: r.on as IsoDate,
    doneBy: r.by.trim(),
    ...(r.note.trim() !== '' ? { note: r.note.trim() } : {}),
  };
  return {
    ...m,
    reportTasks: m.reportTasks.some((t) => t.target === target)
      ? m.reportTasks.map((t) => (t.target === target ? task : t))
      : [...m.reportTasks, task],
  };
}

/** Undoes a report marked done by mistake. */
export function clearReportDone(m: Meeting, target: ReportTarget): Meeting {
  return { ...m, reportTasks: m.reportTasks.map((t) => (t.target === target ? { target } : t)) };
}

/** Reports are made after the meeting is held (art. 42). */
export function checkReportTask(m: Meeting): Finding[] {
  if (stateReached(m.state, 'held')) return [];
  return [
    finding(
      'meeting.executive.reportsBeforeHeld',
      [42],
      'block',
      { kind: 'meeting', id: m.id },
      '常务会议召开后才能向区委、区人大常委会报告和向区政协通报。请先完成“召开会议”。',
    ),
  ];
}

// --- Documents the meeting decided to issue (art. 53) -----------------------------------------------------

export interface DocumentInput {
  readonly title: string;
  readonly deadline: 'fiveDays' | 'sevenDays' | 'explicit';
  readonly reason: string;
  readonly date: string;
}

export function documentInputErrors(d: DocumentInput): Partial<Record<keyof DocumentInput, string>> {
  const e: Partial<Record<keyof DocumentInput, string>> = {};
  if (d.title.trim() === '') e.title = '请填写文件标题';
  else if (d.title.trim().length > 200) e.title = '文件标题最多 200 字';
  if (d.deadline === 'sevenDays' && d.reason.trim() === '') e.reason = '请说明需要协调的重大修改意见';
  if (d.deadline === 'explicit' && !isIsoDate(d.date)) e.date = '请选择明确的上报时限';
  return e;
}

export function deadlineOf(d: DocumentInput): IssueDeadline {
  switch (d.deadline) {
    case 'fiveDays':
      return { kind: 'fiveDays' };
    case 'sevenDays':
      return { kind: 'sevenDays', reason: d.reason.trim() };
    case 'explicit':
      return { kind: 'explicit', date: d.date as IsoDate };
    default: {
      const never: never = d.deadline;
      throw new MeetingActionError(`未知的印发时限：${String(never)}`);
    }
  }
}

export function addDocumentToIssue(m: Meeting, d: DocumentInput): Meeting {
  const doc: DocumentToIssue = { title: d.title.trim(), deadline: deadlineOf(d) };
  if (m.documentsToIssue.some((x) => x.title === doc.title))
    throw new MeetingActionError(`已登记过《${doc.title}》。`);
  return { ...m, documentsToIssue: [...m.documentsToIssue, doc] };
}

export function markDocumentIssued(m: Meeting, index: number, on: IsoDate): Meeting {
  const doc = m.documentsToIssue[index];
  if (doc === undefined) throw new MeetingActionError('找不到这份文件，请刷新后重试。');
  return {
    ...m,
    documentsToIssue: m.documentsToIssue.map((x, i) => (i === index ? { ...x, issuedOn: on } : x)),
  };
}

// --- Rescheduling a postponed meeting (art. 39) -----------------------------------------------------------

export interface RescheduleInput {
  readonly date: string;
  readonly time: string;
  readonly reason: string;
}

export function rescheduleErrors(
  r: RescheduleInput,
  today: IsoDate,
): Partial<Record<keyof RescheduleInput, string>> {
  const e: Partial<Record<keyof RescheduleInput, string>> = {};
  if (!isIsoDate(r.date)) e.date = '请选择新的会议日期';
  else if (r.date < today) e.date = '新的会议日期不能早于今天';
  if (r.time !== '' && !TIME.test(r.time)) e.time = '时间格式应为 HH:MM，例如 09:30';
  if (r.reason.trim() === '') e.reason = '请填写重新安排的说明';
  return e;
}

/**
 * A postponed meeting on its new date: back to 筹备 (notices go out again), the move appended to
 * `reschedules` with the reason it had been postponed; `postponed.to` records the new date.
 */
export function rescheduleMeeting(m: Meeting, r: RescheduleInput, on: IsoDate): Meeting {
  if (m.state !== 'postponed') throw new MeetingActionError('只有已延期的会议可以重新安排时间。');
  const move: Reschedule = {
    on,
    fromDate: m.date,
    ...(m.time !== undefined ? { fromTime: m.time } : {}),
    toDate: r.date as IsoDate,
    ...(r.time !== '' ? { toTime: r.time } : {}),
    reason: r.reason.trim(),
    ...(m.postponed !== undefined ? { postponedReason: m.postponed.reason } : {}),
  };
  const { time: _old, ...rest } = m;
  // A title that is just the kind and the old date ("区政府常务会议（2026-03-10）") follows the new date.
  const defaultTitle = `${MEETING_KIND_LABELS[m.kind]}（${m.date}）`;
  return {
    ...rest,
    ...(m.title === defaultTitle ? { title: `${MEETING_KIND_LABELS[m.kind]}（${r.date}）` } : {}),
    date: r.date as IsoDate,
    ...(r.time !== '' ? { time: r.time } : {}),
    state: 'planned',
    ...(m.postponed !== undefined ? { postponed: { ...m.postponed, to: r.date as IsoDate } } : {}),
    reschedules: [...(m.reschedules ?? []), move],
  };
}
