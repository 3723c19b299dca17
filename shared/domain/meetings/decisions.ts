/**
 * 决定事项 → 督办 (arts. 29, 47): items taken from the signed minutes' 议定事项, each with an owner unit, a
 * responsible leader and a due date, followed by progress reports until 办结; a closed item may be reopened,
 * and the closure it undoes stays in its history. Pure: every change returns a new Meeting, and an action that
 * makes no sense (closing twice) throws a MeetingActionError whose message tells the clerk what to do.
 */
import { isIsoDate, type IsoDate } from '../../calendar/iso-date';
import { finding, type Finding } from '../findings';
import type { DecisionId, PersonId, TopicId, UnitId } from '../ids';
import type { DecisionAdjustment, DecisionItem, EvidenceFile, Meeting, ProgressReport } from '../meeting';
import type { WorkingDays } from '../working-days';

/** A refused action on a meeting; the message is Chinese and says what to do instead. */
export class MeetingActionError extends Error {
  override readonly name = 'MeetingActionError';
}

export type DecisionStatus = 'open' | 'overdue' | 'closed';

export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  open: '进行中',
  overdue: '逾期',
  closed: '已办结',
};

/** 已办结 once closed; 逾期 when open past its due date (as of `today`); else 进行中. */
export function decisionStatus(d: DecisionItem, today: IsoDate): DecisionStatus {
  if (d.closedOn !== undefined) return 'closed';
  return d.dueDate !== undefined && d.dueDate < today ? 'overdue' : 'open';
}

const SECTION_HEAD = /^[一二三四五六七八九十]+、/;

/**
 * The 议定事项 of a minutes text: the lines under the "议定事项" heading up to the next "三、…" heading, without
 * their "1." numbering; blank or empty ("1. 议题：") lines are left out.
 */
export function agreedItemsFromMinutes(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => SECTION_HEAD.test(l.trim()) && l.includes('议定事项'));
  if (start < 0) return [];
  const out: string[] = [];
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (SECTION_HEAD.test(line)) break;
    const item = line.replace(/^(\d+|[（(]\d+[)）])[.、．]?\s*/, '').trim();
    if (item === '' || /[：:]$/.test(item)) continue;
    out.push(item);
  }
  return out;
}

/** The n-th working day after `from` (art. 47 style "within n working days"); throws for a year without data. */
export function dueAfterWorkingDays(from: IsoDate, n: number, cal: WorkingDays): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new MeetingActionError('工作日数应为正整数，例如 10');
  return cal.addWorkingDays(from, n);
}

export interface DecisionInput {
  readonly text: string;
  readonly ownerUnitId?: UnitId;
  readonly responsibleLeaderId?: PersonId;
  readonly dueDate?: string;
  readonly topicId?: TopicId;
}

export type DecisionInputErrors = Partial<Record<keyof DecisionInput, string>>;

/** A due date before the meeting itself is a typing mistake (registration and adjustment alike). */
const dueBeforeMeeting = (due: IsoDate, m: Meeting): string | undefined =>
  due < m.date ? `完成时限不能早于会议日期（${m.date}）` : undefined;

/** Form checks (art. 47: an item without owner and due date cannot be followed up). */
export function decisionInputErrors(i: DecisionInput, m: Meeting): DecisionInputErrors {
  const e: { -readonly [K in keyof DecisionInput]?: string } = {};
  if (i.text.trim() === '') e.text = '请填写决定事项的内容';
  else if (i.text.trim().length > 2000) e.text = '决定事项最多 2000 字';
  if (i.ownerUnitId === undefined) e.ownerUnitId = '请选择承办单位（第四十七条：决定事项须明确承办单位）';
  if (i.responsibleLeaderId === undefined) e.responsibleLeaderId = '请选择责任领导';
  const due =
    i.dueDate === undefined || !isIsoDate(i.dueDate)
      ? '请选择完成时限（日期或会后工作日数）'
      : dueBeforeMeeting(i.dueDate, m);
  if (due !== undefined) e.dueDate = due;
  return e;
}

/** Who does an item and by when: what an adjustment changes, and keeps as `before`. */
export type DecisionAssignment = DecisionAdjustment['before'];

export function assignmentOf(d: DecisionItem): DecisionAssignment {
  return {
    ...(d.ownerUnitId !== undefined ? { ownerUnitId: d.ownerUnitId } : {}),
    ...(d.responsibleLeaderId !== undefined ? { responsibleLeaderId: d.responsibleLeaderId } : {}),
    ...(d.dueDate !== undefined ? { dueDate: d.dueDate } : {}),
  };
}

function findDecision(m: Meeting, id: DecisionId): DecisionItem {
  const d = m.decisions.find((x) => x.id === id);
  if (d === undefined) throw new MeetingActionError('找不到这项决定事项，可能已被修改。请刷新后重试。');
  return d;
}

const replaceDecision = (m: Meeting, d: DecisionItem): Meeting => ({
  ...m,
  decisions: m.decisions.map((x) => (x.id === d.id ? d : x)),
});

/** Adds a decision item (call after decisionInputErrors is empty). */
export function addDecision(m: Meeting, i: DecisionInput, id: DecisionId, on: IsoDate): Meeting {
  if (m.decisions.some((d) => d.id === id)) throw new MeetingActionError('决定事项编号重复，请重试。');
  const item: DecisionItem = {
    id,
    text: i.text.trim(),
    progress: [],
    evidence: [],
    createdOn: on,
    ...(i.ownerUnitId !== undefined ? { ownerUnitId: i.ownerUnitId } : {}),
    ...(i.responsibleLeaderId !== undefined ? { responsibleLeaderId: i.responsibleLeaderId } : {}),
    ...(i.dueDate !== undefined && isIsoDate(i.dueDate) ? { dueDate: i.dueDate } : {}),
    ...(i.topicId !== undefined ? { topicId: i.topicId } : {}),
  };
  return { ...m, decisions: [...m.decisions, item] };
}

export interface ProgressInput {
  readonly on: string;
  readonly note: string;
  /** One evidence item per line. */
  readonly evidence: string;
}

export function progressInputErrors(
  p: ProgressInput,
  m: Meeting,
  today: IsoDate,
): Partial<Record<keyof ProgressInput, string>> {
  const e: Partial<Record<keyof ProgressInput, string>> = {};
  if (!isIsoDate(p.on)) e.on = '请选择报告日期';
  else if (p.on < m.date) e.on = `报告日期不能早于会议日期（${m.date}）`;
  else if (p.on > today) e.on = '报告日期不能晚于今天';
  if (p.note.trim() === '') e.note = '请填写办理进展';
  return e;
}

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Records a progress report on an open item, with any evidence files already stored as attachments. */
export function reportProgress(
  m: Meeting,
  id: DecisionId,
  p: ProgressInput,
  files: readonly EvidenceFile[] = [],
): Meeting {
  const d = findDecision(m, id);
  if (d.closedOn !== undefined)
    throw new MeetingActionError('这项决定事项已办结，不能再报进展。如需继续办理，请先“重新打开”。');
  const evidence = lines(p.evidence);
  const report: ProgressReport = {
    on: p.on as IsoDate,
    note: p.note.trim(),
    ...(evidence.length > 0 ? { evidence } : {}),
    ...(files.length > 0 ? { files: [...files] } : {}),
  };
  return replaceDecision(m, { ...d, progress: [...d.progress, report] });
}

/** 办结 with a summary. */
export function closeDecision(m: Meeting, id: DecisionId, on: IsoDate, summary: string): Meeting {
  const d = findDecision(m, id);
  if (d.closedOn !== undefined) throw new MeetingActionError(`这项决定事项已于${d.closedOn}办结。`);
  if (summary.trim() === '') throw new MeetingActionError('请填写办结情况（落实结果）。');
  return replaceDecision(m, { ...d, closedOn: on, closingSummary: summary.trim() });
}

/** Opens a closed item again; its closure moves into `reopenings`. */
export function reopenDecision(m: Meeting, id: DecisionId, on: IsoDate, reason: string): Meeting {
  const d = findDecision(m, id);
  if (d.closedOn === undefined) throw new MeetingActionError('这项决定事项尚未办结，无需重新打开。');
  if (reason.trim() === '') throw new MeetingActionError('请填写重新打开的原因。');
  const { closedOn, closingSummary, ...rest } = d;
  return replaceDecision(m, {
    ...rest,
    reopenings: [
      ...(d.reopenings ?? []),
      { on, reason: reason.trim(), closedOn, ...(closingSummary !== undefined ? { closingSummary } : {}) },
    ],
  });
}

export interface DecisionAdjustmentInput {
  readonly ownerUnitId?: UnitId;
  readonly responsibleLeaderId?: PersonId;
  /** As typed: a date input's value. */
  readonly dueDate?: string;
  readonly reason: string;
}

/** What is wrong with an adjustment as entered, per field (the form shows each under its field). */
export function adjustmentInputErrors(
  d: DecisionItem,
  a: DecisionAdjustmentInput,
  m: Meeting,
): Partial<Record<keyof DecisionAdjustmentInput, string>> {
  const e: Partial<Record<keyof DecisionAdjustmentInput, string>> = {};
  const due =
    a.dueDate === undefined
      ? undefined
      : isIsoDate(a.dueDate)
        ? dueBeforeMeeting(a.dueDate, m)
        : '请选择有效的完成时限';
  if (due !== undefined) e.dueDate = due;
  if (a.reason.trim() === '') e.reason = '请填写调整的原因（如延期的理由、改由哪个单位承办的依据）';
  const changed =
    a.ownerUnitId !== d.ownerUnitId ||
    a.responsibleLeaderId !== d.responsibleLeaderId ||
    a.dueDate !== d.dueDate;
  if (!changed) e.ownerUnitId = '承办单位、责任领导和完成时限都没有改动';
  return e;
}

/**
 * 调整 an open item: a new owner unit, responsible leader or due date (延期), with the reason; what it was before
 * stays in `adjustments`, so the ledger can show that a deadline moved and why (arts. 29, 47: followed until done).
 */
export function adjustDecision(m: Meeting, id: DecisionId, a: DecisionAdjustmentInput, on: IsoDate): Meeting {
  const d = findDecision(m, id);
  if (d.closedOn !== undefined)
    throw new MeetingActionError('这项决定事项已办结，不能调整。如需继续办理，请先“重新打开”。');
  const errors = Object.values(adjustmentInputErrors(d, a, m));
  if (errors.length > 0) throw new MeetingActionError(`${errors.join('；')}。`);
  const { ownerUnitId: _unit, responsibleLeaderId: _leader, dueDate: _due, ...rest } = d;
  return replaceDecision(m, {
    ...rest,
    ...(a.ownerUnitId !== undefined ? { ownerUnitId: a.ownerUnitId } : {}),
    ...(a.responsibleLeaderId !== undefined ? { responsibleLeaderId: a.responsibleLeaderId } : {}),
    ...(a.dueDate !== undefined ? { dueDate: a.dueDate as IsoDate } : {}),
    adjustments: [...(d.adjustments ?? []), { on, reason: a.reason.trim(), before: assignmentOf(d) }],
  });
}

const decisionRef = (id: DecisionId) => ({ kind: 'decision' as const, id });

/**
 * Before registering a decision item: the minutes it comes from must be signed (art. 47: the signed minutes
 * are what the office follows up); a due date on a rest day is only noted.
 */
export function checkCreateDecision(m: Meeting, i: DecisionInput, cal: WorkingDays | undefined): Finding[] {
  const out: Finding[] = [];
  const signed = m.minutes.some((v) => v.signature !== undefined);
  if (!signed) {
    out.push(
      finding(
        'meeting.decision.unsignedMinutes',
        [47],
        'block',
        { kind: 'meeting', id: m.id },
        '会议纪要签发后，才能据纪要的议定事项登记决定事项、跟踪督办。请先签发纪要。',
      ),
    );
  }
  const text = i.text.trim();
  if (text !== '' && m.decisions.some((d) => d.text === text)) {
    out.push(
      finding(
        'meeting.decision.duplicate',
        [47],
        'warn',
        { kind: 'meeting', id: m.id },
        `本次会议已登记过相同的决定事项“${text}”，请核实是否重复。`,
      ),
    );
  }
  if (cal !== undefined && i.dueDate !== undefined && isIsoDate(i.dueDate)) {
    try {
      if (!cal.isWorkingDay(i.dueDate))
        out.push(
          finding(
            'meeting.decision.dueOnRestDay',
            [47],
            'info',
            { kind: 'meeting', id: m.id },
            `完成时限${i.dueDate}不是工作日，请确认。`,
          ),
        );
    } catch {
      // A year without calendar data: nothing to say about the weekday.
    }
  }
  return out;
}

/** Before 办结: no progress on record, or closing after the due date, needs a reason (arts. 29, 47). */
export function checkCloseDecision(d: DecisionItem, on: IsoDate): Finding[] {
  const out: Finding[] = [];
  if (d.progress.length === 0) {
    out.push(
      finding(
        'meeting.decision.noProgress',
        [29, 47],
        'warn',
        decisionRef(d.id),
        `决定事项“${d.text}”还没有办理进展报告，办结前应有承办单位的落实情况。`,
      ),
    );
  }
  if (d.dueDate !== undefined && on > d.dueDate) {
    out.push(
      finding(
        'meeting.decision.closedLate',
        [29, 47],
        'warn',
        decisionRef(d.id),
        `决定事项“${d.text}”应于${d.dueDate}前完成，${on}办结已超期，请说明原因。`,
      ),
    );
  }
  return out;
}
