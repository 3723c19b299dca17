/**
 * The meetings repository: one `Meeting` record per row of the `meetings` table (the whole aggregate —
 * topics, attendees, leave, minutes — travels together, so one user action is one row write). Every write
 * validates with `meetingSchema`, refuses to change signed minutes (art. 47), and runs in one audited
 * transaction whose context says what the clerk did (and why, when a warning was overridden).
 */
import type { Collection } from 'dexie';
import type { IsoDate } from '../../shared/calendar/iso-date';
import type { MeetingId, PersonId } from '../../shared/domain/ids';
import type { Meeting, MeetingKind, MeetingState } from '../../shared/domain/meeting';
import { meetingSchema } from '../../shared/domain/meeting-schema';
import { MeetingActionError } from '../../shared/domain/meetings/decisions';
import { checkMinutesFrozen } from '../../shared/domain/meetings/minutes';
import { auditedWrite, type AuditLog } from './audited';
import type { AttachmentRow, HuiwenDb, LooseRow } from './db';
import { fromZodError, StoreError } from './errors';

export const MEETING_FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  kind: '会议类型',
  title: '会议名称',
  date: '会议日期',
  time: '会议时间',
  place: '会议地点',
  convenorId: '召集人',
  chairId: '主持人',
  recorderId: '记录人',
  state: '会议状态',
  topics: '议题',
  attendees: '参会人员',
  leaves: '请假',
  minutes: '会议纪要',
  decisions: '决定事项',
};

/** Index-backed filters; anything else is filtered by the caller. */
export interface MeetingQuery {
  readonly kind?: MeetingKind;
  readonly state?: MeetingState;
  readonly chairId?: PersonId;
  /** Inclusive date range (e.g. a month). */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface MeetingWriteOptions {
  /** The user action in Chinese, e.g. "新建会议", "审定议题（提示已说明理由：…）". */
  readonly context: string;
}

export interface MeetingsRepository {
  /** Meetings matching the query, by date then time. */
  list(query?: MeetingQuery): Promise<Meeting[]>;
  get(id: MeetingId): Promise<Meeting | undefined>;
  create(input: unknown, options: MeetingWriteOptions): Promise<Meeting>;
  /** Replaces the stored meeting; refused when it is missing or a signed minutes version would change. */
  update(input: unknown, options: MeetingWriteOptions): Promise<Meeting>;
  /**
   * One action on the meeting as stored now (not as the screen last saw it): reads it, applies `change`,
   * validates and writes, all in one audited transaction. A `MeetingActionError` thrown by `change` (e.g.
   * closing a decision twice) comes back as a StoreError with its message; nothing is written.
   */
  modify(
    id: MeetingId,
    change: (m: Meeting) => Meeting,
    options: MeetingWriteOptions,
    files?: readonly MeetingFile[],
  ): Promise<Meeting>;
  /** An evidence file stored by `modify` (undefined when it is gone). */
  attachment(id: string): Promise<AttachmentRow | undefined>;
}

/** A file stored with a meeting action (evidence of a decision's progress), in the same transaction. */
export interface MeetingFile {
  readonly id: string;
  /** What it belongs to, e.g. the decision id. */
  readonly ownerId: string;
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** Larger files belong on the shared drive; the data folder is backed up to a USB stick. */
export const MAX_MEETING_FILE_BYTES = 20 * 1024 * 1024;

function validate(input: unknown): Meeting {
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, '会议', MEETING_FIELD_LABELS);
  return parsed.data as Meeting;
}

/** Stored rows were validated on write; a row that no longer parses is reported, not silently dropped. */
function fromRow(row: LooseRow): Meeting {
  const parsed = meetingSchema.safeParse(row);
  if (!parsed.success) {
    throw new StoreError(
      'invalid',
      `会议记录“${String(row['title'] ?? row.id)}”已损坏，无法读取。请从备份恢复，或联系技术支持。`,
    );
  }
  return parsed.data as Meeting;
}

const byDateTime = (a: Meeting, b: Meeting): number =>
  a.date === b.date ? (a.time ?? '').localeCompare(b.time ?? '') : a.date.localeCompare(b.date);

const inRange = (m: Meeting, q: MeetingQuery): boolean =>
  (q.from === undefined || m.date >= q.from) && (q.to === undefined || m.date <= q.to);

export function matchesQuery(m: Meeting, q: MeetingQuery): boolean {
  return (
    (q.kind === undefined || m.kind === q.kind) &&
    (q.state === undefined || m.state === q.state) &&
    (q.chairId === undefined || m.chairId === q.chairId) &&
    inRange(m, q)
  );
}

const MIN_DATE = '0000-00-00';
const MAX_DATE = '9999-99-99';

export function meetingsRepository(db: HuiwenDb, now?: () => Date): MeetingsRepository {
  const opts = (context: string) => ({ context, ...(now ? { now } : {}) });

  /** Picks the most selective index the query allows: [kind+date], state, chairId, date, or all. */
  function collection(q: MeetingQuery): Collection<LooseRow, string> {
    const from = q.from ?? MIN_DATE;
    const to = q.to ?? MAX_DATE;
    if (q.kind !== undefined)
      return db.meetings.where('[kind+date]').between([q.kind, from], [q.kind, to], true, true);
    if (q.state !== undefined) return db.meetings.where('state').equals(q.state);
    if (q.chairId !== undefined) return db.meetings.where('chairId').equals(q.chairId);
    if (q.from !== undefined || q.to !== undefined)
      return db.meetings.where('date').between(from, to, true, true);
    return db.meetings.toCollection();
  }

  /** Writes a changed meeting over `before`, unless a signed minutes version would change (art. 47). */
  async function write(log: AuditLog, before: Meeting, meeting: Meeting): Promise<void> {
    const frozen = checkMinutesFrozen(before, meeting);
    if (frozen.length > 0) {
      throw new StoreError('invalid', `未保存：${frozen.map((f) => f.message).join('；')}`);
    }
    await db.meetings.put(meeting as unknown as LooseRow);
    log.record('update', 'meetings', meeting.id, before, meeting);
  }

  return {
    async list(query = {}) {
      const rows = await collection(query).toArray();
      return rows
        .map(fromRow)
        .filter((m) => matchesQuery(m, query))
        .sort(byDateTime);
    },

    attachment: (id) => db.attachments.get(id),

    async get(id) {
      const row = await db.meetings.get(id);
      return row === undefined ? undefined : fromRow(row);
    },

    async create(input, options) {
      const meeting = validate(input);
      await auditedWrite(db, [db.meetings], opts(options.context), async (log) => {
        if ((await db.meetings.get(meeting.id)) !== undefined) {
          throw new StoreError('invalid', `会议编号 ${meeting.id} 已存在，未保存。请重新新建会议。`);
        }
        await db.meetings.add(meeting as unknown as LooseRow);
        log.record('create', 'meetings', meeting.id, undefined, meeting);
      });
      return meeting;
    },

    async update(input, options) {
      const meeting = validate(input);
      await auditedWrite(db, [db.meetings], opts(options.context), async (log) => {
        const row = await db.meetings.get(meeting.id);
        if (row === undefined) {
          throw new StoreError(
            'not-found',
            `会议“${meeting.title}”已不存在（可能已被删除或恢复了备份），未保存。`,
          );
        }
        const before = fromRow(row);
        await write(log, before, meeting);
      });
      return meeting;
    },

    async modify(id, change, options, files = []) {
      for (const f of files) {
        if (f.name.trim() === '') throw new StoreError('invalid', '未保存：附件缺少文件名。');
        if (f.bytes.byteLength > MAX_MEETING_FILE_BYTES)
          throw new StoreError(
            'invalid',
            `未保存：附件“${f.name}”超过 20 MB，请压缩或改存共享盘后登记文件名。`,
          );
      }
      const tables = files.length > 0 ? [db.meetings, db.attachments] : [db.meetings];
      return auditedWrite(db, tables, opts(options.context), async (log) => {
        const row = await db.meetings.get(id);
        if (row === undefined) {
          throw new StoreError('not-found', '这个会议已不存在（可能已被删除或恢复了备份），未保存。');
        }
        const before = fromRow(row);
        let changed: unknown;
        try {
          changed = change(before);
        } catch (e) {
          if (e instanceof MeetingActionError) throw new StoreError('invalid', `未保存：${e.message}`);
          throw e;
        }
        const meeting = validate(changed);
        if (meeting.id !== id) throw new StoreError('invalid', '未保存：不能更改会议编号。');
        for (const f of files) {
          const row: AttachmentRow = {
            id: f.id,
            ownerId: f.ownerId,
            name: f.name.trim(),
            mime: f.mime,
            bytes: f.bytes,
          };
          await db.attachments.add(row);
          log.record('create', 'attachments', row.id, undefined, { ...row, bytes: f.bytes.byteLength });
        }
        await write(log, before, meeting);
        return meeting;
      });
    },
  };
}
