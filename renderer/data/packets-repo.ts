/**
 * Packets in the store (issue 8): the office's signing key, partner offices' keys (trust on first use), the
 * exchange state that tells an update from a conflict, the packet register (sent and received), and the two
 * store-facing halves of a packet's life:
 *  - export: collect meetings or 督办 decisions from the store into a `PacketInput`, build and verify it;
 *  - import: open with every check of shared/packet, plan against the store, and apply in ONE audited
 *    transaction. Re-importing an applied packet changes nothing; a conflict is never overwritten silently.
 *
 * Record types carried (see docs/packet-format.md, "Records written by the app"):
 *  - `meeting`: `{ meeting, attachments }` — the whole Meeting aggregate (topics, minutes, decisions…) and the
 *    metadata of its stored attachments, whose bytes travel under files/;
 *  - `decision`: `{ meetingId, decision }` — one 决定事项 with its progress (督办), applied into its meeting.
 *
 * Nothing is stored in new tables: keys, partners and the exchange state live in `meta`, the register in the
 * existing `packets` table.
 */
import { canonicalJson, GENESIS_HASH, shanghaiTimestamp } from '../../shared/audit';
import type { DocumentId } from '../../shared/domain/ids';
import type { DecisionItem, Meeting } from '../../shared/domain/meeting';
import { decisionItemSchema, meetingSchema } from '../../shared/domain/meeting-schema';
import { CLASSIFICATION_LABELS, type Classification } from '../../shared/domain/documents';
import { checkMinutesFrozen } from '../../shared/domain/meetings/minutes';
import {
  buildPacket,
  exchangeStateAfter,
  generateOfficeKey,
  isNoop,
  keyFingerprint,
  openPacket,
  planImport,
  receiptPacketInput,
  recordKey,
  sha256Hex,
  type BuiltPacket,
  type ImportPlan,
  type IncomingRecord,
  type LocalRecordState,
  type OpenResult,
  type OpenedPacket,
  type PacketFileInput,
  type PacketKind,
  type PacketRecordInput,
  type ReceiptData,
} from '../../shared/packet';
import { auditedWrite, readAuditHead, type AuditLog } from './audited';
import type { AttachmentRow, HuiwenDb, LooseRow } from './db';
import { StoreError } from './errors';
import { incomingRepository } from './incoming-repo';
import { outgoingRepository } from './outgoing-repo';
import { readOfficeName } from './meta';
import { currentOperator, requireAdmin } from './operator';

export const IDENTITY_META_KEY = 'packets.identity';
export const PARTNERS_META_KEY = 'packets.partners';
export const EXCHANGE_META_KEY = 'packets.exchange';

/** This PC's office identity and signing key. The secret key never leaves the store except into signatures. */
export interface OfficeIdentity {
  readonly officeId: string;
  readonly officeName: string;
  readonly pcId: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly createdAt: string;
}

interface StoredIdentity {
  readonly officeId: string;
  readonly pcId: string;
  readonly publicKey: string;
  readonly secretKey: string;
  readonly createdAt: string;
}

/** A partner office's public key, registered after the clerk confirmed its fingerprint on the phone. */
export interface PartnerKey {
  readonly officeId: string;
  readonly officeName: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

export type PacketDirection = 'sent' | 'received';

export const DIRECTION_LABELS: Readonly<Record<PacketDirection, string>> = { sent: '发出', received: '收到' };

export interface RegisterItem {
  readonly type: string;
  readonly id: string;
  readonly title: string;
}

/** A conflict as decided by the clerk; both versions are kept here in full (the audit keeps their digests). */
export interface ResolvedConflict {
  readonly key: string;
  readonly title: string;
  readonly choice: ConflictChoice;
  readonly local: unknown;
  readonly incoming: unknown;
}

/** One line of the packet register. */
export interface RegisterEntry extends LooseRow {
  readonly id: string;
  readonly direction: PacketDirection;
  readonly packetId: string;
  readonly kind: PacketKind;
  /** When it was written (sent) or applied (received), Shanghai time: the table's index. */
  readonly createdAt: string;
  readonly packetCreatedAt: string;
  /** The other office: recipient (sent) or sender (received). */
  readonly counterpart: string;
  readonly counterpartOfficeId?: string;
  readonly purpose: string;
  readonly items: readonly RegisterItem[];
  /** Who exported or imported it here. */
  readonly operatorName: string;
  /** The sender's operator, for received packets. */
  readonly senderOperatorName?: string;
  readonly verdict: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly encrypted: boolean;
  readonly inReplyTo?: string;
  /** Received packets: what the receipt will say. */
  readonly receipt?: ReceiptData;
  readonly receiptWrittenAt?: string;
  /** Sent packets: when the partner's receipt arrived. */
  readonly receiptReceivedAt?: string;
  readonly conflicts?: readonly ResolvedConflict[];
}

export type ConflictChoice = 'local' | 'incoming';

export const CONFLICT_CHOICE_LABELS: Readonly<Record<ConflictChoice, string>> = {
  local: '保留本机',
  incoming: '采用来件',
};

// ---------------------------------------------------------------- record data

export interface AttachmentMeta {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  /** Where the bytes are inside the packet. */
  readonly path: string;
}

export interface MeetingRecordData {
  readonly meeting: Meeting;
  readonly attachments: readonly AttachmentMeta[];
}

/** A 公文 as the `documents` table holds it (收文 or 发文), with its files (the signed PDF among them). */
export interface DocumentRecordData {
  readonly row: LooseRow & { readonly direction: 'incoming' | 'outgoing'; readonly title: string };
  readonly attachments: readonly AttachmentMeta[];
}

export interface DecisionRecordData {
  readonly meetingId: string;
  readonly decision: DecisionItem;
}

const utf8 = new TextEncoder();
export const contentHashOf = (data: unknown): string => sha256Hex(utf8.encode(canonicalJson(data)));

const shortHash = (text: string, n: number): string => sha256Hex(utf8.encode(text)).slice(0, n);

/**
 * A meeting record carries its decisions: exchanging the meeting also agrees on each decision, so a later
 * 督办 update from either side is an update, not a conflict.
 */
export function decisionHashesOf(data: unknown): [string, string][] {
  const meeting = (data as Partial<MeetingRecordData>).meeting;
  if (!meeting || !Array.isArray(meeting.decisions)) return [];
  return meeting.decisions.map((decision) => [
    recordKey('decision', decision.id),
    contentHashOf({ meetingId: meeting.id, decision } satisfies DecisionRecordData),
  ]);
}

/** Packet path of an attachment: hashed names (any file name is safe), the extension kept for IT staff. */
export function attachmentPath(meetingId: string, attachment: { id: string; name: string }): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(attachment.name)?.[0]?.toLowerCase() ?? '';
  return `files/m-${shortHash(meetingId, 16)}/a-${shortHash(attachment.id, 24)}${ext}`;
}

async function bytesOf(row: AttachmentRow): Promise<Uint8Array> {
  return row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(await row.bytes.arrayBuffer());
}

const sizeOf = (row: AttachmentRow): number =>
  row.bytes instanceof Uint8Array ? row.bytes.byteLength : row.bytes.size;

/** A meeting with its attachments' bytes, ready to become a `meeting` record. */
interface MeetingWithFiles {
  readonly data: MeetingRecordData;
  readonly files: readonly (PacketFileInput & { readonly name: string })[];
}

function parseMeetingRow(row: LooseRow): Meeting {
  const parsed = meetingSchema.safeParse(row);
  if (!parsed.success)
    throw new StoreError(
      'invalid',
      `会议记录“${String(row['title'] ?? row.id)}”已损坏，无法导出或比对。请从备份恢复，或联系技术支持。`,
    );
  return parsed.data as Meeting;
}

/** Outside a transaction only (Blob bytes are read asynchronously). */
async function meetingWithFiles(db: HuiwenDb, meeting: Meeting): Promise<MeetingWithFiles> {
  const { attachments, files } = await ownedFiles(db, meeting.id);
  return { data: { meeting, attachments }, files };
}

/** A stored attachment's metadata and bytes, for any owner (meeting or document). */
async function ownedFiles(db: HuiwenDb, ownerId: string) {
  const rows = (await db.attachments.where('ownerId').equals(ownerId).toArray()).sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  const files: (PacketFileInput & { name: string })[] = [];
  const attachments: AttachmentMeta[] = [];
  for (const row of rows) {
    const bytes = await bytesOf(row);
    const path = attachmentPath(ownerId, row);
    files.push({ path, bytes, name: row.name });
    attachments.push({
      id: row.id,
      name: row.name,
      mime: row.mime,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      path,
    });
  }
  return { attachments, files };
}

/**
 * What the store holds for a meeting, cheaply enough to compare inside a transaction: the meeting row and
 * its attachments' ids and sizes (bytes are compared when the preview is made).
 */
function localStamp(meetingRow: LooseRow | undefined, attachments: readonly AttachmentRow[]): string {
  return contentHashOf({
    meeting: meetingRow ?? null,
    attachments: attachments.map((a) => [a.id, a.name, sizeOf(a)]).sort(),
  });
}

// ---------------------------------------------------------------- export

export type ExportKind = Extract<PacketKind, 'meeting' | 'decisions-update' | 'document'>;

export interface ExportRequest {
  readonly kind: ExportKind;
  /** For `meeting`: the meetings to send. */
  readonly meetingIds?: readonly string[];
  /** For `decisions-update`: the 决定事项 to send, by id. */
  readonly decisionIds?: readonly string[];
  /** For `document`: the 公文 to send (收文 or 发文), each with its PDF. */
  readonly documentIds?: readonly string[];
  /** The receiving office, as the clerk names it. */
  readonly recipient: string;
  readonly purpose: string;
  readonly passphrase?: string;
  /**
   * For `meeting`: files made for the packet (the 会议通知 and 纪要 PDFs, generated by the exchange feature),
   * by meeting id. They travel with the meeting record (listed, hashed and signed in the manifest) but are not
   * part of its data, so the receiver's store and the exchange state are unchanged by them.
   */
  readonly generatedFiles?: Readonly<Record<string, readonly GeneratedFile[]>>;
}

/** A file generated for a packet; `slug` (ASCII) names it inside the packet, `name` is shown to the clerk. */
export interface GeneratedFile {
  readonly slug: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PreviewFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

export interface ExportPreviewItem extends RegisterItem {
  readonly classification?: string;
  readonly recordBytes: number;
  readonly files: readonly PreviewFile[];
}

export interface PreparedExport {
  readonly request: ExportRequest;
  readonly built: BuiltPacket;
  readonly items: readonly ExportPreviewItem[];
  /** 密级 of anything selected, for the warning (packets of classified content must be encrypted). */
  readonly classified: readonly string[];
  readonly encrypted: boolean;
  /** Exchange state to record once the file is written: record key → the hash that left. */
  readonly sentHashes: ReadonlyMap<string, string>;
}

/** A meeting, or a decision within one, offered for export. */
export interface ExportCandidate {
  readonly meeting: Meeting;
}

/** Content that is not public: any `classification` other than none/public (documents carry one). */
export function classificationOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const row = (data as { row?: unknown }).row;
  if (typeof row === 'object' && row !== null) return classificationOf(row);
  const c = (data as { classification?: unknown }).classification;
  if (typeof c !== 'string') return undefined;
  const t = c.trim();
  if (t === '' || t === '无' || t === '公开' || t === 'none' || t === 'public') return undefined;
  return CLASSIFICATION_LABELS[t as Classification] ?? t;
}

/** A 公文 offered for export. */
export interface DocumentCandidate {
  readonly id: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly title: string;
  readonly number: string;
  readonly date: string;
  readonly classification?: string;
}

export const CLASSIFIED_NEEDS_PASSPHRASE =
  '所选内容有密级标注，必须设置口令加密后才能导出。请填写口令（至少 8 位），并通过电话等其他渠道告知接收方。';

// ---------------------------------------------------------------- import

export interface PreviewRecord {
  readonly key: string;
  readonly type: string;
  readonly id: string;
  readonly title: string;
}

export interface PreviewConflict extends PreviewRecord {
  readonly local: unknown;
  readonly incoming: unknown;
}

export interface SkippedRecord extends PreviewRecord {
  readonly reason: string;
}

export type SignerTrust = 'registered' | 'unregistered' | 'sample' | 'self';

export interface ImportPreview {
  readonly packet: OpenedPacket;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly plan: ImportPlan;
  readonly newRecords: readonly PreviewRecord[];
  readonly updated: readonly PreviewRecord[];
  readonly unchanged: readonly PreviewRecord[];
  readonly conflicts: readonly PreviewConflict[];
  /** Records that cannot be applied here (e.g. a 督办 update for a meeting this PC does not have). */
  readonly skipped: readonly SkippedRecord[];
  /** Reasons the packet cannot be applied at all; the store stays untouched. */
  readonly blockers: readonly string[];
  readonly trust: SignerTrust;
  /** For a receipt packet: what the partner says it received. */
  readonly receipt?: ReceiptData;
  /** True when applying would change nothing ("无变化"). */
  readonly noop: boolean;
  /** Local stamps at preview time, re-checked inside the apply transaction. */
  readonly stamps: ReadonlyMap<string, string>;
  /** Meetings both sides agreed on whose decisions this packet updates. */
  readonly agreedMeetings: ReadonlySet<string>;
}

export interface ApplyOptions {
  /** For an unregistered signer: the fingerprint the clerk confirmed on the phone (must match). */
  readonly confirmedFingerprint?: string;
}

export interface ApplyReport {
  readonly registerId: string;
  readonly applied: number;
  readonly keptLocal: number;
  readonly skipped: number;
}

export interface RegisterQuery {
  readonly direction?: PacketDirection;
  readonly kind?: PacketKind;
  /** Matches counterpart, purpose, items' titles and the packet id. */
  readonly text?: string;
}

export interface PacketsRepository {
  /** This office's identity; the key pair is generated on first use and kept in the store. */
  identity(): Promise<OfficeIdentity>;
  partners(): Promise<PartnerKey[]>;
  /** Record key → the content hash both sides last agreed on. */
  exchangeState(): Promise<Map<string, string>>;
  register(query?: RegisterQuery): Promise<RegisterEntry[]>;
  registerEntry(id: string): Promise<RegisterEntry | undefined>;

  /** Meetings that can be sent (newest first). */
  exportCandidates(): Promise<Meeting[]>;
  /** 公文 that can be sent (newest first). */
  documentCandidates(): Promise<DocumentCandidate[]>;
  /** Collects, builds and verifies the packet in memory; nothing is stored. */
  prepareExport(request: ExportRequest): Promise<PreparedExport>;
  /** After the file was written and checked: register it and remember what was exchanged. */
  /**
   * After the file was written and checked: register it and remember what was exchanged. With
   * `readBackFailed` (the re-read file did not pass the receiver's checks) the register says so and the
   * exchange state is left alone: nothing counts as sent.
   */
  recordSent(
    prepared: PreparedExport,
    written: { readonly fileName: string; readonly readBackFailed?: string },
  ): Promise<RegisterEntry>;

  /** All of shared/packet's checks, with this office's registered partner keys. */
  open(bytes: Uint8Array, passphrase?: string): Promise<OpenResult>;
  prepareImport(
    packet: OpenedPacket,
    file: { readonly name: string; readonly size: number },
  ): Promise<ImportPreview>;
  /** ONE transaction; throws a StoreError (nothing written) when blocked or when the store changed meanwhile. */
  applyImport(
    preview: ImportPreview,
    choices: ReadonlyMap<string, ConflictChoice>,
    options?: ApplyOptions,
  ): Promise<ApplyReport>;

  /** The receipt (回执) packet for a received, applied packet. */
  buildReceipt(registerId: string): Promise<BuiltPacket>;
  recordReceiptWritten(registerId: string): Promise<void>;
}

const MIN_PASSPHRASE = 8;

export function packetsRepository(db: HuiwenDb, now: () => Date = () => new Date()): PacketsRepository {
  const stamp = (): string => shanghaiTimestamp(now());
  const opts = (context: string) => ({ context, now });

  async function storedIdentity(): Promise<StoredIdentity> {
    const row = await db.meta.get(IDENTITY_META_KEY);
    if (row) return row.value as StoredIdentity;
    const key = generateOfficeKey();
    const fp = keyFingerprint(key.publicKey).replaceAll(' ', '');
    const fresh: StoredIdentity = {
      officeId: `HW-${fp.slice(0, 8)}`,
      pcId: `PC-${fp.slice(8, 16)}`,
      publicKey: key.publicKey,
      secretKey: key.secretKey,
      createdAt: stamp(),
    };
    // Two tabs may race to create it: the first one wins, the other reads it back.
    return db.transaction('rw', db.meta, async () => {
      const again = await db.meta.get(IDENTITY_META_KEY);
      if (again) return again.value as StoredIdentity;
      await db.meta.put({ key: IDENTITY_META_KEY, value: fresh });
      return fresh;
    });
  }

  async function identity(): Promise<OfficeIdentity> {
    const s = await storedIdentity();
    return {
      officeId: s.officeId,
      officeName: (await readOfficeName(db)) ?? '本单位',
      pcId: s.pcId,
      publicKey: s.publicKey,
      fingerprint: keyFingerprint(s.publicKey),
      createdAt: s.createdAt,
    };
  }

  async function partners(): Promise<PartnerKey[]> {
    return (((await db.meta.get(PARTNERS_META_KEY))?.value as PartnerKey[] | undefined) ?? []).slice();
  }

  async function exchangeState(): Promise<Map<string, string>> {
    const value = (await db.meta.get(EXCHANGE_META_KEY))?.value as Record<string, string> | undefined;
    return new Map(Object.entries(value ?? {}));
  }

  const exchangeRow = (state: ReadonlyMap<string, string>) => ({
    key: EXCHANGE_META_KEY,
    value: Object.fromEntries([...state].sort(([a], [b]) => a.localeCompare(b))),
  });

  async function auditHead() {
    const head = await readAuditHead(db);
    return head ?? { sequence: 0, hash: GENESIS_HASH };
  }

  /** Version and last change of a stored record, from its audit entries. */
  async function versionOf(recordType: string, id: string): Promise<{ version: number; updatedAt: string }> {
    const entries = await db.audit.where('[recordType+recordId]').equals([recordType, id]).sortBy('sequence');
    const last = entries[entries.length - 1];
    return { version: Math.max(1, entries.length), updatedAt: last?.at ?? stamp() };
  }

  async function allMeetings(): Promise<Meeting[]> {
    return (await db.meetings.toArray()).map(parseMeetingRow);
  }

  function findDecision(meetings: readonly Meeting[], decisionId: string) {
    for (const meeting of meetings) {
      const decision = meeting.decisions.find((d) => d.id === decisionId);
      if (decision) return { meeting, decision };
    }
    return undefined;
  }

  async function collect(request: ExportRequest): Promise<{
    records: PacketRecordInput[];
    items: ExportPreviewItem[];
    sentHashes: Map<string, string>;
  }> {
    const exchange = await exchangeState();
    const records: PacketRecordInput[] = [];
    const items: ExportPreviewItem[] = [];
    const sentHashes = new Map<string, string>();
    const push = async (
      type: string,
      id: string,
      title: string,
      data: unknown,
      auditType: string,
      files: readonly (PacketFileInput & { name: string })[],
    ) => {
      const hash = contentHashOf(data);
      const key = recordKey(type, id);
      const base = exchange.get(key);
      const { version, updatedAt } = await versionOf(
        auditType,
        type === 'decision' ? String((data as DecisionRecordData).meetingId) : id,
      );
      records.push({
        type,
        id,
        version,
        updatedAt,
        ...(base !== undefined && base !== hash ? { baseHash: base } : {}),
        data,
        ...(files.length > 0 ? { attachments: files.map(({ path, bytes }) => ({ path, bytes })) } : {}),
      });
      const classification = classificationOf(data);
      items.push({
        type,
        id,
        title,
        ...(classification !== undefined ? { classification } : {}),
        recordBytes: utf8.encode(canonicalJson(data)).byteLength,
        files: files.map((f) => ({ path: f.path, name: f.name, size: f.bytes.byteLength })),
      });
      sentHashes.set(key, hash);
      if (type === 'meeting') for (const [k, h] of decisionHashesOf(data)) sentHashes.set(k, h);
    };

    switch (request.kind) {
      case 'meeting': {
        const ids = request.meetingIds ?? [];
        if (ids.length === 0) throw new StoreError('invalid', '请至少选择一个会议。');
        for (const id of ids) {
          const row = await db.meetings.get(id);
          if (!row) throw new StoreError('not-found', `会议（编号 ${id}）已不存在，请刷新后重新选择。`);
          const { data, files } = await meetingWithFiles(db, parseMeetingRow(row));
          const generated = (request.generatedFiles?.[id] ?? []).map((g) => {
            if (!/^[a-z0-9-]{1,40}$/.test(g.slug)) throw new StoreError('invalid', '生成的文件名不合法。');
            return { path: `files/m-${shortHash(id, 16)}/g-${g.slug}.pdf`, bytes: g.bytes, name: g.name };
          });
          await push('meeting', id, data.meeting.title, data, 'meetings', [...files, ...generated]);
        }
        break;
      }
      case 'decisions-update': {
        const ids = request.decisionIds ?? [];
        if (ids.length === 0) throw new StoreError('invalid', '请至少选择一项督办事项。');
        const meetings = await allMeetings();
        for (const id of ids) {
          const found = findDecision(meetings, id);
          if (!found) throw new StoreError('not-found', `督办事项（编号 ${id}）已不存在，请刷新后重新选择。`);
          const data: DecisionRecordData = { meetingId: found.meeting.id, decision: found.decision };
          await push('decision', id, `${found.meeting.title}：${found.decision.text}`, data, 'meetings', []);
        }
        break;
      }
      case 'document': {
        const ids = request.documentIds ?? [];
        if (ids.length === 0) throw new StoreError('invalid', '请至少选择一份公文。');
        for (const id of ids) {
          const row = await db.documents.get(id);
          if (!row) throw new StoreError('not-found', `公文（编号 ${id}）已不存在，请刷新后重新选择。`);
          const title = String(row['title'] ?? id);
          const { attachments, files } = await ownedFiles(db, id);
          if (!attachments.some((a) => a.mime === 'application/pdf' || /\.pdf$/i.test(a.name)))
            throw new StoreError(
              'invalid',
              `公文“${title}”还没有 PDF 文件（签发稿或盖章件），不能发送。请先生成或登记 PDF 后再导出。`,
            );
          const data = { row: row as DocumentRecordData['row'], attachments };
          await push('document', id, title, data, 'documents', files);
        }
        break;
      }
      default: {
        const never: never = request.kind;
        throw new StoreError('invalid', `不支持的数据包类型：${String(never)}`);
      }
    }
    return { records, items, sentHashes };
  }

  async function localStates(
    types: ReadonlySet<string>,
    meetings: readonly Meeting[],
    documentIds: readonly string[],
  ) {
    const states = new Map<string, LocalRecordState>();
    for (const id of documentIds) {
      const row = await db.documents.get(id);
      if (!row) continue;
      const { attachments } = await ownedFiles(db, id);
      const data = { row: row as DocumentRecordData['row'], attachments };
      const { version, updatedAt } = await versionOf('documents', id);
      states.set(recordKey('document', id), {
        type: 'document',
        id,
        version,
        updatedAt,
        contentHash: contentHashOf(data),
        data,
      });
    }
    for (const meeting of meetings) {
      if (types.has('meeting')) {
        const { data } = await meetingWithFiles(db, meeting);
        const { version, updatedAt } = await versionOf('meetings', meeting.id);
        const key = recordKey('meeting', meeting.id);
        states.set(key, {
          type: 'meeting',
          id: meeting.id,
          version,
          updatedAt,
          contentHash: contentHashOf(data),
          data,
        });
      }
      if (types.has('decision')) {
        for (const decision of meeting.decisions) {
          const data: DecisionRecordData = { meetingId: meeting.id, decision };
          states.set(recordKey('decision', decision.id), {
            type: 'decision',
            id: decision.id,
            version: 1,
            updatedAt: stamp(),
            contentHash: contentHashOf(data),
            data,
          });
        }
      }
    }
    return states;
  }

  const titleOf = (r: IncomingRecord): string => {
    const d = r.data as Partial<MeetingRecordData & DecisionRecordData>;
    if (r.meta.type === 'meeting' && typeof d.meeting?.title === 'string') return d.meeting.title;
    if (r.meta.type === 'decision' && typeof d.decision?.text === 'string') return d.decision.text;
    const row = (r.data as Partial<DocumentRecordData>).row;
    if (r.meta.type === 'document' && typeof row?.title === 'string') return row.title;
    if (r.meta.type === 'receipt') return `回执：数据包 ${r.meta.id.slice(0, 8)}…`;
    return `${r.meta.type}/${r.meta.id}`;
  };
  const previewOf = (r: IncomingRecord): PreviewRecord => ({
    key: recordKey(r.meta.type, r.meta.id),
    type: r.meta.type,
    id: r.meta.id,
    title: titleOf(r),
  });

  function checkAttachments(packet: OpenedPacket, r: IncomingRecord, list: unknown, what: string) {
    if (!Array.isArray(list)) return `${what}缺少附件清单，无法导入。请联系发送方。`;
    for (const a of list as readonly Partial<AttachmentMeta>[]) {
      const bytes = typeof a.path === 'string' ? packet.files.get(a.path) : undefined;
      if (
        typeof a.id !== 'string' ||
        typeof a.name !== 'string' ||
        typeof a.mime !== 'string' ||
        !bytes ||
        !(r.meta.attachments ?? []).includes(a.path!) ||
        sha256Hex(bytes) !== a.sha256
      )
        return `${what}的附件“${String(a.name)}”与数据包内文件不符，无法导入。请联系发送方。`;
    }
    return undefined;
  }

  /** Schema checks of what a record would write; the first problem blocks the whole import. */
  function checkIncoming(packet: OpenedPacket, r: IncomingRecord): string | undefined {
    const label = `“${titleOf(r)}”`;
    switch (r.meta.type) {
      case 'meeting': {
        const d = r.data as Partial<MeetingRecordData>;
        const parsed = meetingSchema.safeParse(d.meeting);
        if (!parsed.success)
          return `会议${label}的记录格式不正确（${parsed.error.issues[0]?.message ?? ''}），无法导入。请联系发送方。`;
        if (parsed.data.id !== r.meta.id) return `会议${label}的编号与清单不符，无法导入。请联系发送方。`;
        return checkAttachments(packet, r, d.attachments, `会议${label}`);
      }
      case 'document': {
        const row = (r.data as Partial<DocumentRecordData>).row as Record<string, unknown> | undefined;
        if (
          typeof row !== 'object' ||
          row === null ||
          row['id'] !== r.meta.id ||
          (row['direction'] !== 'incoming' && row['direction'] !== 'outgoing') ||
          typeof row['title'] !== 'string'
        )
          return `公文${label}的记录格式不正确，无法导入。请联系发送方。`;
        return checkAttachments(
          packet,
          r,
          (r.data as Partial<DocumentRecordData>).attachments,
          `公文${label}`,
        );
      }
      case 'decision': {
        const d = r.data as Partial<DecisionRecordData>;
        const parsed = decisionItemSchema.safeParse(d.decision);
        if (typeof d.meetingId !== 'string' || !parsed.success)
          return `督办事项${label}的记录格式不正确，无法导入。请联系发送方。`;
        if (parsed.data.id !== r.meta.id) return `督办事项${label}的编号与清单不符，无法导入。请联系发送方。`;
        return undefined;
      }
      default:
        return `数据包含本版会文不能导入的“${r.meta.type}”类记录。请升级会文，或请发送方只发送会议、督办事项和公文。`;
    }
  }

  async function prepareImport(
    packet: OpenedPacket,
    file: { readonly name: string; readonly size: number },
  ): Promise<ImportPreview> {
    const me = await storedIdentity();
    const trust: SignerTrust = packet.signer.sample
      ? 'sample'
      : packet.signer.publicKey === me.publicKey
        ? 'self'
        : packet.signer.trust;
    const blockers: string[] = [];
    if (trust === 'sample')
      blockers.push('该数据包由公开的示例密钥签名，仅供演示，不能导入。请向发送方索取正式数据包。');
    if (trust === 'self') blockers.push('这是本机导出的数据包，无需导入。请把它拷贝到接收方的电脑上导入。');

    const base = {
      packet,
      fileName: file.name,
      sizeBytes: file.size,
      trust,
      stamps: new Map<string, string>(),
      agreedMeetings: new Set<string>(),
    };
    const emptyPlan: ImportPlan = { new: [], updated: [], unchanged: [], conflicts: [] };

    if (packet.manifest.kind === 'receipt') {
      const receipt = packet.records[0]?.data as ReceiptData;
      const already = await db.packets.get(`received-${packet.manifest.packetId}`);
      return {
        ...base,
        plan: emptyPlan,
        newRecords: [],
        updated: [],
        unchanged: [],
        conflicts: [],
        skipped: [],
        blockers,
        receipt,
        noop: already !== undefined,
      };
    }

    for (const r of packet.records) {
      const problem = checkIncoming(packet, r);
      if (problem) {
        blockers.push(problem);
        break;
      }
    }

    const meetings = await allMeetings();
    const types = new Set(packet.records.map((r) => r.meta.type));
    const states = await localStates(
      types,
      meetings,
      packet.records.filter((r) => r.meta.type === 'document').map((r) => r.meta.id),
    );
    const plan = planImport(packet, states, await exchangeState());

    // Decisions whose meeting is not here cannot be applied; they are listed, not silently dropped.
    const skipped: SkippedRecord[] = [];
    const keep = (r: IncomingRecord): boolean => {
      if (r.meta.type !== 'decision') return true;
      const meetingId = (r.data as DecisionRecordData).meetingId;
      if (meetings.some((m) => m.id === meetingId)) return true;
      skipped.push({ ...previewOf(r), reason: '本机没有该决定事项所属的会议，请先导入该会议的数据包。' });
      return false;
    };
    const filtered: ImportPlan = {
      new: plan.new.filter(keep),
      updated: plan.updated,
      unchanged: plan.unchanged,
      conflicts: plan.conflicts,
    };

    for (const u of [...filtered.updated, ...filtered.conflicts]) {
      if (u.incoming.meta.type !== 'meeting' || blockers.length > 0) continue;
      const frozen = checkMinutesFrozen(
        (u.local.data as MeetingRecordData).meeting,
        (u.incoming.data as MeetingRecordData).meeting,
      );
      if (frozen.length > 0)
        blockers.push(
          `会议“${titleOf(u.incoming)}”：${frozen.map((f) => f.message).join('；')}。来件不能覆盖已签发的纪要，请联系发送方核实。`,
        );
    }

    // Stamps of every meeting the apply may touch, to refuse applying over changes made after the preview.
    const stamps = new Map<string, string>();
    const touched = new Set<string>();
    for (const r of [
      ...filtered.new,
      ...filtered.updated.map((u) => u.incoming),
      ...filtered.conflicts.map((c) => c.incoming),
    ])
      touched.add(ownerOf(r));
    for (const owner of touched) stamps.set(owner, await stampOf(owner));
    // Meetings whose decisions this packet updates and that both sides agreed on before.
    const exchange = await exchangeState();
    const agreedMeetings = new Set<string>();
    for (const r of packet.records) {
      if (r.meta.type !== 'decision') continue;
      const meeting = meetings.find((x) => x.id === (r.data as DecisionRecordData).meetingId);
      if (!meeting) continue;
      const hash = contentHashOf((await meetingWithFiles(db, meeting)).data);
      if (exchange.get(recordKey('meeting', meeting.id)) === hash) agreedMeetings.add(meeting.id);
    }

    return {
      ...base,
      stamps,
      agreedMeetings,
      plan: filtered,
      newRecords: filtered.new.map(previewOf),
      updated: filtered.updated.map((u) => previewOf(u.incoming)),
      unchanged: filtered.unchanged.map((u) => previewOf(u.incoming)),
      conflicts: filtered.conflicts.map((c) => ({
        ...previewOf(c.incoming),
        local: c.local.data,
        incoming: c.incoming.data,
      })),
      skipped,
      blockers,
      noop: isNoop(filtered),
    };
  }

  /** `meetings:<id>` or `documents:<id>`: the stored row a record writes into. */
  const ownerOf = (r: IncomingRecord): string =>
    r.meta.type === 'document'
      ? `documents:${r.meta.id}`
      : `meetings:${r.meta.type === 'meeting' ? r.meta.id : (r.data as DecisionRecordData).meetingId}`;

  async function stampOf(owner: string): Promise<string> {
    const [table, id] = [owner.slice(0, owner.indexOf(':')), owner.slice(owner.indexOf(':') + 1)];
    const row = table === 'documents' ? await db.documents.get(id) : await db.meetings.get(id);
    const atts = await db.attachments.where('ownerId').equals(id).toArray();
    return localStamp(row, atts);
  }

  function attachmentAuditView(a: AttachmentRow | undefined) {
    return a === undefined
      ? undefined
      : { id: a.id, ownerId: a.ownerId, name: a.name, mime: a.mime, size: sizeOf(a) };
  }

  /** Writes an incoming meeting record: the meeting and exactly its attachments. */
  async function writeMeeting(log: AuditLog, packet: OpenedPacket, r: IncomingRecord) {
    const d = r.data as MeetingRecordData;
    const meeting = meetingSchema.parse(d.meeting) as Meeting;
    const before = await db.meetings.get(meeting.id);
    await db.meetings.put(meeting as unknown as LooseRow);
    log.record(before ? 'update' : 'create', 'meetings', meeting.id, before, meeting);
    await syncAttachments(log, packet, meeting.id, d.attachments);
  }

  /** Writes an incoming 公文, then reads it back through its repository: a row it cannot read aborts all. */
  async function writeDocument(log: AuditLog, packet: OpenedPacket, r: IncomingRecord) {
    const d = r.data as DocumentRecordData;
    const before = await db.documents.get(d.row.id);
    await db.documents.put(d.row);
    log.record(before ? 'update' : 'create', 'documents', d.row.id, before, d.row);
    await syncAttachments(log, packet, d.row.id, d.attachments);
    try {
      const id = d.row.id as DocumentId;
      const back =
        d.row.direction === 'outgoing'
          ? await outgoingRepository(db, now).get(id)
          : await incomingRepository(db, now).get(id);
      if (!back) throw new Error('not readable');
    } catch {
      throw new StoreError(
        'invalid',
        `公文“${d.row.title}”的记录不符合本机会文的格式（可能由不同版本制作），整个数据包未导入。请联系发送方。`,
      );
    }
  }

  async function syncAttachments(
    log: AuditLog,
    packet: OpenedPacket,
    ownerId: string,
    list: readonly AttachmentMeta[],
  ) {
    const existing = await db.attachments.where('ownerId').equals(ownerId).toArray();
    const wanted = new Set(list.map((a) => a.id));
    for (const old of existing) {
      if (wanted.has(old.id)) continue;
      await db.attachments.delete(old.id);
      log.record('delete', 'attachments', old.id, attachmentAuditView(old), undefined);
    }
    for (const a of list) {
      const bytes = packet.files.get(a.path)!;
      const row: AttachmentRow = {
        id: a.id,
        ownerId,
        name: a.name,
        mime: a.mime,
        bytes: bytes.slice(),
      };
      const old = existing.find((e) => e.id === a.id);
      await db.attachments.put(row);
      log.record(
        old ? 'update' : 'create',
        'attachments',
        a.id,
        attachmentAuditView(old),
        attachmentAuditView(row),
      );
    }
  }

  async function writeDecision(log: AuditLog, r: IncomingRecord): Promise<boolean> {
    const d = r.data as DecisionRecordData;
    const decision = decisionItemSchema.parse(d.decision) as DecisionItem;
    const row = await db.meetings.get(d.meetingId);
    if (!row) return false;
    const before = parseMeetingRow(row);
    const exists = before.decisions.some((x) => x.id === decision.id);
    const after: Meeting = {
      ...before,
      decisions: exists
        ? before.decisions.map((x) => (x.id === decision.id ? decision : x))
        : [...before.decisions, decision],
    };
    await db.meetings.put(after as unknown as LooseRow);
    log.record('update', 'meetings', after.id, before, after);
    return true;
  }

  async function applyImport(
    preview: ImportPreview,
    choices: ReadonlyMap<string, ConflictChoice>,
    options: ApplyOptions = {},
  ): Promise<ApplyReport> {
    const { packet, plan } = preview;
    const m = packet.manifest;
    const registerId = `received-${m.packetId}`;
    if (preview.blockers.length > 0) throw new StoreError('invalid', `未导入：${preview.blockers[0]}`);
    if (preview.noop) throw new StoreError('invalid', '该数据包的内容与本机一致（无变化），无需导入。');
    const open = preview.conflicts.filter((c) => !choices.has(c.key));
    if (open.length > 0)
      throw new StoreError(
        'invalid',
        `还有 ${open.length} 处冲突没有选择“保留本机”或“采用来件”（${open.map((c) => c.title).join('、')}），未导入。`,
      );
    const registerKey = preview.trust === 'unregistered';
    if (registerKey) {
      if (options.confirmedFingerprint !== packet.signer.fingerprint)
        throw new StoreError(
          'invalid',
          `“${m.origin.officeName}”的密钥尚未登记。请电话向对方核对指纹 ${packet.signer.fingerprint}，确认一致后勾选“指纹已核对”再导入。`,
        );
      requireAdmin('登记对方单位的密钥');
    }
    const operator = currentOperator();
    const context = `导入数据包 ${m.packetId}（来自${m.origin.officeName}）`;
    const exchangeBefore = await exchangeState();
    const at = stamp();

    return auditedWrite(
      db,
      [db.meetings, db.documents, db.attachments, db.meta, db.packets],
      opts(context),
      async (log) => {
        if (preview.receipt && (await db.packets.get(registerId)))
          throw new StoreError('invalid', '该回执已经登记过，无需再次导入。');
        for (const [owner, expected] of preview.stamps) {
          if ((await stampOf(owner)) !== expected)
            throw new StoreError(
              'invalid',
              '预览之后本机数据已有改动，未导入。请重新打开数据包，按新的预览导入。',
            );
        }
        // A key registered meanwhile must be the same key.
        const partnerList = (
          ((await db.meta.get(PARTNERS_META_KEY))?.value as PartnerKey[] | undefined) ?? []
        ).slice();
        const known = partnerList.find((p) => p.officeId === m.origin.officeId);
        if (known && known.publicKey !== packet.signer.publicKey)
          throw new StoreError(
            'invalid',
            `“${m.origin.officeName}”已登记了另一把密钥，未导入。请电话联系对方核实。`,
          );
        if (registerKey && !known) {
          const partner: PartnerKey = {
            officeId: m.origin.officeId,
            officeName: m.origin.officeName,
            publicKey: packet.signer.publicKey,
            fingerprint: packet.signer.fingerprint,
            registeredAt: at,
            registeredBy: operator.name,
          };
          await db.meta.put({ key: PARTNERS_META_KEY, value: [...partnerList, partner] });
          log.record('create', 'partnerKeys', partner.officeId, undefined, partner);
        }

        if (preview.receipt) {
          const r = preview.receipt;
          const sent = (await db.packets.get(`sent-${r.receivedPacketId}`)) as RegisterEntry | undefined;
          const verdict = `回执：对方已校验，导入 ${r.applied.length} 条，未变 ${r.unchanged} 条，冲突 ${r.conflicts.length} 条`;
          if (sent) {
            const updated: RegisterEntry = { ...sent, verdict: `已送达。${verdict}`, receiptReceivedAt: at };
            await db.packets.put(updated);
            log.record('update', 'packets', sent.id, sent, updated);
          }
          const entry = registerEntryOf(
            preview,
            at,
            operator.name,
            sent ? verdict : `${verdict}（本机没有对应的发出记录）`,
            [],
          );
          await db.packets.put(entry);
          log.record('create', 'packets', entry.id, undefined, entry);
          return { registerId: entry.id, applied: 0, keptLocal: 0, skipped: 0 };
        }

        const appliedKeys: { type: string; id: string; contentHash: string }[] = [];
        let skipped = preview.skipped.length;
        const write = async (r: IncomingRecord): Promise<boolean> => {
          if (r.meta.type === 'meeting') {
            await writeMeeting(log, packet, r);
            return true;
          }
          if (r.meta.type === 'document') {
            await writeDocument(log, packet, r);
            return true;
          }
          return writeDecision(log, r);
        };
        for (const r of [...plan.new, ...plan.updated.map((u) => u.incoming)]) {
          if (await write(r))
            appliedKeys.push({ type: r.meta.type, id: r.meta.id, contentHash: r.meta.contentHash });
          else skipped++;
        }
        const resolved: ResolvedConflict[] = [];
        const keptLocal: { type: string; id: string }[] = [];
        for (const c of plan.conflicts) {
          const key = recordKey(c.incoming.meta.type, c.incoming.meta.id);
          const choice = choices.get(key)!;
          const title = titleOf(c.incoming);
          resolved.push({ key, title, choice, local: c.local.data, incoming: c.incoming.data });
          if (choice === 'incoming') {
            if (await write(c.incoming))
              appliedKeys.push({
                type: c.incoming.meta.type,
                id: c.incoming.meta.id,
                contentHash: c.incoming.meta.contentHash,
              });
          } else {
            // Nothing changes in the record; the audit says which version was considered and which stays.
            keptLocal.push({ type: c.incoming.meta.type, id: c.incoming.meta.id });
            const owner = ownerOf(c.incoming);
            const [table, id] = [owner.slice(0, owner.indexOf(':')), owner.slice(owner.indexOf(':') + 1)];
            log.record('update', table, id, c.incoming.data, c.local.data);
          }
        }
        const next = exchangeStateAfter(plan, exchangeBefore);
        for (const c of plan.conflicts)
          next.set(recordKey(c.incoming.meta.type, c.incoming.meta.id), c.incoming.meta.contentHash);
        const agreed = [
          ...plan.new,
          ...plan.updated.map((u) => u.incoming),
          ...plan.unchanged.filter((u) => u.reason === 'same').map((u) => u.incoming),
          ...plan.conflicts.map((c) => c.incoming),
        ];
        for (const r of agreed)
          if (r.meta.type === 'meeting') for (const [k, h] of decisionHashesOf(r.data)) next.set(k, h);
        // Decisions applied into a meeting both sides agreed on: the meeting's agreed version moves with them,
        // or the next meeting packet from the partner would look like a conflict.
        for (const meetingId of preview.agreedMeetings) {
          const mk = recordKey('meeting', meetingId);
          const row = await db.meetings.get(meetingId);
          const base = exchangeBefore.get(mk);
          if (!row || base === undefined) continue;
          const atts = await db.attachments.where('ownerId').equals(meetingId).toArray();
          next.set(mk, meetingHashInTx(parseMeetingRow(row), atts, base));
        }
        await db.meta.put(exchangeRow(next));

        const receipt: ReceiptData = {
          receivedPacketId: m.packetId,
          receivedKind: m.kind,
          fromOffice: m.origin.officeId,
          manifestSha256: packet.manifestSha256,
          receivedAt: at,
          verified: true,
          signerFingerprint: packet.signer.fingerprint,
          applied: appliedKeys,
          unchanged: plan.unchanged.length,
          conflicts: keptLocal,
        };
        const verdict = [
          `已导入 ${appliedKeys.length} 条`,
          plan.unchanged.length > 0 ? `未变 ${plan.unchanged.length} 条` : '',
          resolved.length > 0
            ? `冲突 ${resolved.length} 处（采用来件 ${resolved.filter((r) => r.choice === 'incoming').length}，保留本机 ${keptLocal.length}）`
            : '',
          skipped > 0 ? `未能导入 ${skipped} 条` : '',
        ]
          .filter((s) => s !== '')
          .join('，');
        const entry = registerEntryOf(preview, at, operator.name, verdict, resolved, receipt);
        const before = (await db.packets.get(entry.id)) as RegisterEntry | undefined;
        await db.packets.put(entry);
        log.record(before ? 'update' : 'create', 'packets', entry.id, before, entry);
        return { registerId: entry.id, applied: appliedKeys.length, keptLocal: keptLocal.length, skipped };
      },
    );
  }

  /**
   * The meeting's hash as a `meeting` record, inside a transaction: only when it has no Blob attachments
   * (bytes cannot be read there); otherwise the previous agreed hash stays, which at worst shows a conflict.
   */
  function meetingHashInTx(meeting: Meeting, atts: readonly AttachmentRow[], fallback: string): string {
    if (atts.some((a) => !(a.bytes instanceof Uint8Array))) return fallback;
    const sorted = [...atts].sort((a, b) => a.id.localeCompare(b.id));
    const attachments = sorted.map((a) => {
      const bytes = a.bytes as Uint8Array;
      return {
        id: a.id,
        name: a.name,
        mime: a.mime,
        size: bytes.byteLength,
        sha256: sha256Hex(bytes),
        path: attachmentPath(meeting.id, a),
      };
    });
    return contentHashOf({ meeting, attachments });
  }

  function registerEntryOf(
    preview: ImportPreview,
    at: string,
    operatorName: string,
    verdict: string,
    conflicts: readonly ResolvedConflict[],
    receipt?: ReceiptData,
  ): RegisterEntry {
    const m = preview.packet.manifest;
    return {
      id: `received-${m.packetId}`,
      direction: 'received',
      packetId: m.packetId,
      kind: m.kind,
      createdAt: at,
      packetCreatedAt: m.createdAt,
      counterpart: m.origin.officeName,
      counterpartOfficeId: m.origin.officeId,
      purpose: m.purpose,
      items: preview.packet.records.map(previewOf).map(({ type, id, title }) => ({ type, id, title })),
      operatorName,
      senderOperatorName: m.operator.name,
      verdict,
      fileName: preview.fileName,
      sizeBytes: preview.sizeBytes,
      encrypted: preview.packet.encrypted,
      ...(m.inReplyTo !== undefined ? { inReplyTo: m.inReplyTo } : {}),
      ...(receipt ? { receipt } : {}),
      ...(conflicts.length > 0 ? { conflicts } : {}),
    };
  }

  async function originOf() {
    const s = await storedIdentity();
    const id = await identity();
    return {
      origin: { officeId: s.officeId, officeName: id.officeName, pcId: s.pcId },
      key: { publicKey: s.publicKey, secretKey: s.secretKey },
    };
  }

  return {
    identity,
    partners,
    exchangeState,

    async register(query = {}) {
      const rows = (await db.packets.orderBy('createdAt').reverse().toArray()) as RegisterEntry[];
      const text = query.text?.trim().toLowerCase() ?? '';
      return rows.filter(
        (r) =>
          (query.direction === undefined || r.direction === query.direction) &&
          (query.kind === undefined || r.kind === query.kind) &&
          (text === '' ||
            [r.counterpart, r.purpose, r.packetId, r.fileName, ...r.items.map((i) => i.title)].some((s) =>
              s.toLowerCase().includes(text),
            )),
      );
    },

    async registerEntry(id) {
      return (await db.packets.get(id)) as RegisterEntry | undefined;
    },

    async documentCandidates() {
      const rows = await db.documents.toArray();
      return rows
        .filter((r) => r['direction'] === 'incoming' || r['direction'] === 'outgoing')
        .map((r): DocumentCandidate => {
          const classification = classificationOf(r);
          const number = r['documentNumber'] ?? r['number'] ?? '';
          return {
            id: r.id,
            direction: r['direction'] as DocumentCandidate['direction'],
            title: String(r['title'] ?? r.id),
            number: typeof number === 'string' ? number : '',
            date: typeof r['registeredOn'] === 'string' ? r['registeredOn'] : '',
            ...(classification !== undefined ? { classification } : {}),
          };
        })
        .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
    },

    async exportCandidates() {
      const meetings = await allMeetings();
      return meetings.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
    },

    async prepareExport(request) {
      const recipient = request.recipient.trim();
      const purpose = request.purpose.trim();
      if (recipient === '') throw new StoreError('invalid', '请填写接收单位。');
      if (purpose === '')
        throw new StoreError('invalid', '请填写报送事由（例如“报送第十二次常务会议纪要”）。');
      const passphrase = request.passphrase ?? '';
      if (passphrase !== '' && passphrase.length < MIN_PASSPHRASE)
        throw new StoreError('invalid', `口令至少 ${MIN_PASSPHRASE} 位，请重新填写。`);
      const { records, items, sentHashes } = await collect(request);
      const classified = [...new Set(items.flatMap((i) => (i.classification ? [i.classification] : [])))];
      if (classified.length > 0 && passphrase === '')
        throw new StoreError('invalid', CLASSIFIED_NEEDS_PASSPHRASE);
      const { origin, key } = await originOf();
      const operator = currentOperator();
      let built: BuiltPacket;
      try {
        built = await buildPacket({
          kind: request.kind,
          origin,
          createdAt: stamp(),
          operator: { id: operator.id, name: operator.name },
          purpose: `致${recipient}：${purpose}`.slice(0, 500),
          records,
          auditHead: await auditHead(),
          key,
          ...(passphrase !== '' ? { encryption: { passphrase } } : {}),
        });
      } catch (e) {
        throw new StoreError('invalid', `数据包没有生成：${e instanceof Error ? e.message : String(e)}`);
      }
      // Verify what is about to leave with the receiver's own checks before a byte is written.
      const check = await openPacket(built.bytes, passphrase !== '' ? { passphrase } : {});
      if (!check.ok) throw new StoreError('invalid', `生成的数据包未通过自检，未导出：${check.message}`);
      return {
        request: { ...request, recipient, purpose },
        built,
        items,
        classified,
        encrypted: passphrase !== '',
        sentHashes,
      };
    },

    async recordSent(prepared, written) {
      const m = prepared.built.manifest;
      const operator = currentOperator();
      const at = stamp();
      const entry: RegisterEntry = {
        id: `sent-${m.packetId}`,
        direction: 'sent',
        packetId: m.packetId,
        kind: m.kind,
        createdAt: at,
        packetCreatedAt: m.createdAt,
        counterpart: prepared.request.recipient,
        purpose: prepared.request.purpose,
        items: prepared.items.map(({ type, id, title }) => ({ type, id, title })),
        operatorName: operator.name,
        verdict:
          written.readBackFailed === undefined
            ? '已写入并核对，待对方回执'
            : `写入后读回复核未通过，不能使用此文件：${written.readBackFailed}`,
        fileName: written.fileName,
        sizeBytes: prepared.built.bytes.byteLength,
        encrypted: prepared.encrypted,
      };
      await auditedWrite(
        db,
        [db.packets, db.meta],
        opts(`导出数据包 ${m.packetId}（致${prepared.request.recipient}）`),
        async (log) => {
          await db.packets.put(entry);
          log.record('create', 'packets', entry.id, undefined, entry);
          if (written.readBackFailed !== undefined) return;
          const value = (await db.meta.get(EXCHANGE_META_KEY))?.value as Record<string, string> | undefined;
          const next = new Map(Object.entries(value ?? {}));
          for (const [k, h] of prepared.sentHashes) next.set(k, h);
          await db.meta.put(exchangeRow(next));
        },
      );
      return entry;
    },

    async open(bytes, passphrase) {
      const registeredKeys = (await partners()).map((p) => ({
        officeId: p.officeId,
        publicKey: p.publicKey,
      }));
      return openPacket(bytes, {
        registeredKeys,
        ...(passphrase !== undefined && passphrase !== '' ? { passphrase } : {}),
      });
    },

    prepareImport,
    applyImport,

    async buildReceipt(registerId) {
      const entry = (await db.packets.get(registerId)) as RegisterEntry | undefined;
      if (!entry || entry.direction !== 'received' || !entry.receipt)
        throw new StoreError('not-found', '交换登记中没有这个已导入的数据包，无法生成回执。');
      const { origin, key } = await originOf();
      const operator = currentOperator();
      return buildPacket(
        receiptPacketInput(entry.receipt, {
          fromOfficeName: entry.counterpart,
          origin,
          operator: { id: operator.id, name: operator.name },
          createdAt: stamp(),
          auditHead: await auditHead(),
          key,
        }),
      );
    },

    async recordReceiptWritten(registerId) {
      await auditedWrite(db, [db.packets], opts('生成回执'), async (log) => {
        const entry = (await db.packets.get(registerId)) as RegisterEntry | undefined;
        if (!entry) throw new StoreError('not-found', '交换登记中没有这个数据包。');
        const updated: RegisterEntry = {
          ...entry,
          receiptWrittenAt: stamp(),
          verdict: `${entry.verdict}；已生成回执`,
        };
        await db.packets.put(updated);
        log.record('update', 'packets', entry.id, entry, updated);
      });
    },
  };
}
