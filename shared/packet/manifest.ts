/**
 * manifest.json: what the packet claims to contain. It is signed as raw bytes, so the receiver verifies the
 * exact bytes it read, never a re-serialisation. Schemas are strict: an unknown field is an error, not ignored.
 */
import { z } from 'zod';
import { isShanghaiTimestamp } from '../audit/timestamp';

export const PACKET_FORMAT = 'huiwen-packet';
export const PACKET_FORMAT_VERSION = 1;

export const PACKET_KINDS = ['meeting', 'document', 'decisions-update', 'receipt'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

export const PACKET_KIND_LABELS: Readonly<Record<PacketKind, string>> = {
  meeting: '会议',
  document: '公文',
  'decisions-update': '督办事项进展',
  receipt: '回执',
};

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const SUMS_PATH = 'SHA256SUMS';
export const AUDIT_HEAD_PATH = 'audit-head.json';

const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `应为 ${bytes * 2} 位小写十六进制`);
export const hex64 = hex(32);
const timestamp = z.string().refine(isShanghaiTimestamp, '时间应为带 +08:00 的时间戳');
/** Records come from stores that may write UTC or +08:00; any ISO 8601 instant with an offset will do. */
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/,
    '时间应为带时区的 ISO 8601 时间',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), '时间无效');
const text = (max: number) => z.string().min(1).max(max);

export const officeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, '单位代码只能含字母、数字和连字符');
export const packetIdSchema = hex(16);
export const recordTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, '记录类型只能含小写字母、数字和连字符');

export const recordMetaSchema = z
  .object({
    type: recordTypeSchema,
    id: text(200),
    version: z.number().int().min(1),
    updatedAt: instant,
    /** SHA-256 of the record's canonical JSON. */
    contentHash: hex64,
    /** The contentHash this version was edited from, when known: lets the receiver see a direct successor. */
    baseHash: hex64.optional(),
    /** Where the record's JSON is inside the packet. */
    path: z.string(),
    /** Files belonging to the record (PDFs, attachments), by packet path. */
    attachments: z.array(z.string()).max(1000).optional(),
  })
  .strict();
export type RecordMeta = z.infer<typeof recordMetaSchema>;

export const fileEntrySchema = z
  .object({
    path: z.string(),
    /** Plaintext size and hashes, encrypted or not. */
    size: z.number().int().min(0),
    sha256: hex64,
    sm3: hex64,
    encrypted: z
      .object({ nonce: hex(12), storedSize: z.number().int().min(0), storedSha256: hex64 })
      .strict()
      .optional(),
  })
  .strict();
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const encryptionSchema = z
  .object({
    cipher: z.literal('AES-256-GCM'),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(2),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(4),
    salt: hex(16),
    keyCheck: hex64,
  })
  .strict();
export type EncryptionInfo = z.infer<typeof encryptionSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(PACKET_FORMAT),
    formatVersion: z.literal(PACKET_FORMAT_VERSION),
    packetId: packetIdSchema,
    kind: z.enum(PACKET_KINDS),
    origin: z
      .object({
        officeId: officeIdSchema,
        officeName: text(100),
        pcId: text(100),
        pcName: text(100).optional(),
      })
      .strict(),
    createdAt: timestamp,
    operator: z.object({ id: text(100), name: text(100) }).strict(),
    purpose: text(500),
    /** For receipts: the packet this answers. */
    inReplyTo: packetIdSchema.optional(),
    records: z.array(recordMetaSchema),
    files: z.array(fileEntrySchema),
    encryption: encryptionSchema.optional(),
    signature: z
      .object({
        algorithm: z.literal('Ed25519'),
        publicKey: hex64,
        fingerprint: z.string().regex(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/),
        /** Marks keys that must never be trusted for real work (the CLI's sample). */
        sample: z.literal(true).optional(),
      })
      .strict(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

export const auditHeadSchema = z.object({ sequence: z.number().int().min(0), hash: hex64 }).strict();
export type PacketAuditHead = z.infer<typeof auditHeadSchema>;

/** The receipt kind's single record: what the receiver got, verified and applied. */
export const receiptDataSchema = z
  .object({
    receivedPacketId: packetIdSchema,
    receivedKind: z.enum(PACKET_KINDS),
    fromOffice: officeIdSchema,
    manifestSha256: hex64,
    receivedAt: timestamp,
    verified: z.literal(true),
    signerFingerprint: z.string(),
    applied: z.array(z.object({ type: recordTypeSchema, id: text(200), contentHash: hex64 }).strict()),
    unchanged: z.number().int().min(0),
    conflicts: z.array(z.object({ type: recordTypeSchema, id: text(200) }).strict()),
  })
  .strict();
export type ReceiptData = z.infer<typeof receiptDataSchema>;

/** First zod issue as "field: message", for Chinese error texts. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
  return `${where}${issue.message}`;
}
