/**
 * Building a packet: records as canonical JSON, files as given, a signed manifest with both hashes of every
 * file, SHA256SUMS for `sha256sum -c`, optionally every file encrypted. The same entries are returned as a zip
 * (`.hwpkt`) and as a folder map, which are the two forms a packet travels in.
 */
import { canonicalJson } from '../audit/canonical-json';
import {
  DEFAULT_KDF,
  bytesToHex,
  deriveKey,
  encryptFile,
  keyCheck,
  keyFingerprint,
  randomBytes,
  sha256Hex,
  signManifest,
  sm3Hex,
  type OfficeKeyPair,
} from './cryptography';
import { DEFAULT_LIMITS } from './limits';
import {
  AUDIT_HEAD_PATH,
  MANIFEST_PATH,
  PACKET_FORMAT,
  PACKET_FORMAT_VERSION,
  SIGNATURE_PATH,
  SUMS_PATH,
  manifestSchema,
  firstIssue,
  type EncryptionInfo,
  type FileEntry,
  type Manifest,
  type PacketAuditHead,
  type PacketKind,
  type RecordMeta,
} from './manifest';
import { checkEntryPath, checkNoDuplicates } from './paths';
import { encodeUtf8 } from './platform';
import { dosStamp, encodeZip, zipEntry } from './zip';

export interface PacketFileInput {
  /** Inside the packet, under files/, e.g. "files/会议纪要.pdf". */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface PacketRecordInput {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly baseHash?: string;
  /** The record itself; stored as canonical JSON, and its SHA-256 is the record's contentHash. */
  readonly data: unknown;
  /** Files belonging to this record (they are added to the packet). */
  readonly attachments?: readonly PacketFileInput[];
}

export interface PacketInput {
  readonly kind: PacketKind;
  /** 32 hex digits; random when absent. */
  readonly packetId?: string;
  readonly origin: {
    readonly officeId: string;
    readonly officeName: string;
    readonly pcId: string;
    readonly pcName?: string;
  };
  /** Shanghai timestamp (+08:00). */
  readonly createdAt: string;
  readonly operator: { readonly id: string; readonly name: string };
  readonly purpose: string;
  readonly inReplyTo?: string;
  readonly records: readonly PacketRecordInput[];
  /** Files not tied to one record. */
  readonly files?: readonly PacketFileInput[];
  /** The sender's audit-chain head when the packet was made. */
  readonly auditHead: PacketAuditHead;
  readonly key: OfficeKeyPair & { readonly sample?: boolean };
  readonly encryption?: {
    readonly passphrase: string;
    readonly kdf?: { readonly N: number; readonly r: number; readonly p: number };
  };
}

export interface BuiltPacket {
  /** `<office>-<yyyymmdd>-<kind>-<id>.hwpkt` */
  readonly fileName: string;
  /** The same name without `.hwpkt`, for the folder form. */
  readonly folderName: string;
  /** The zip (canonical: entries stored, see zip.ts). */
  readonly bytes: Uint8Array;
  /** The folder form: the same entries, path → bytes, in the zip's order. */
  readonly entries: ReadonlyMap<string, Uint8Array>;
  readonly manifest: Manifest;
}

/** Where a record's JSON goes: readable ids keep their name, anything else is named by its hash. */
export function recordPath(type: string, id: string): string {
  const safe = /^[a-z0-9_-]{1,64}$/.test(id) ? id : `h-${sha256Hex(encodeUtf8(id)).slice(0, 32)}`;
  return `records/${type}/${safe}.json`;
}

export function packetFileName(m: Pick<Manifest, 'origin' | 'createdAt' | 'kind' | 'packetId'>): string {
  return `${m.origin.officeId}-${m.createdAt.slice(0, 10).replaceAll('-', '')}-${m.kind}-${m.packetId}`;
}

/** Throws an Error with a Chinese message when the input cannot make a valid packet. */
export async function buildPacket(input: PacketInput): Promise<BuiltPacket> {
  const packetId = input.packetId ?? bytesToHex(randomBytes(16));
  const plain = new Map<string, Uint8Array>();
  const add = (path: string, bytes: Uint8Array): void => {
    checkEntryPath(path, DEFAULT_LIMITS);
    if (plain.has(path)) throw new Error(`数据包内文件重复：${path}`);
    plain.set(path, bytes);
  };
  add(AUDIT_HEAD_PATH, encodeUtf8(canonicalJson(input.auditHead)));

  const records: RecordMeta[] = [];
  for (const r of input.records) {
    const json = encodeUtf8(canonicalJson(r.data));
    const path = recordPath(r.type, r.id);
    add(path, json);
    const attachments = (r.attachments ?? []).map((f) => {
      addFile(f);
      return f.path;
    });
    records.push({
      type: r.type,
      id: r.id,
      version: r.version,
      updatedAt: r.updatedAt,
      contentHash: sha256Hex(json),
      ...(r.baseHash !== undefined ? { baseHash: r.baseHash } : {}),
      path,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }
  function addFile(f: PacketFileInput): void {
    if (!f.path.startsWith('files/')) throw new Error(`附件路径应以 files/ 开头：${f.path}`);
    add(f.path, f.bytes);
  }
  for (const f of input.files ?? []) addFile(f);
  checkNoDuplicates([...plain.keys()]);

  const stored = new Map<string, Uint8Array>();
  const files: FileEntry[] = [];
  let encryption: EncryptionInfo | undefined;
  if (input.encryption) {
    const kdf = { ...DEFAULT_KDF, ...input.encryption.kdf, salt: bytesToHex(randomBytes(16)) };
    const key = await deriveKey(input.encryption.passphrase, kdf);
    encryption = { cipher: 'AES-256-GCM', kdf: 'scrypt', ...kdf, keyCheck: keyCheck(key) };
    for (const [path, bytes] of plain) {
      const nonce = randomBytes(12);
      const sealed = encryptFile(key, path, bytes, nonce);
      stored.set(path, sealed);
      files.push({
        ...plainEntry(path, bytes),
        encrypted: { nonce: bytesToHex(nonce), storedSize: sealed.length, storedSha256: sha256Hex(sealed) },
      });
    }
  } else {
    for (const [path, bytes] of plain) {
      stored.set(path, bytes);
      files.push(plainEntry(path, bytes));
    }
  }

  const manifest: Manifest = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    packetId,
    kind: input.kind,
    origin: input.origin,
    createdAt: input.createdAt,
    operator: input.operator,
    purpose: input.purpose,
    ...(input.inReplyTo !== undefined ? { inReplyTo: input.inReplyTo } : {}),
    records,
    files,
    ...(encryption ? { encryption } : {}),
    signature: {
      algorithm: 'Ed25519',
      publicKey: input.key.publicKey,
      fingerprint: keyFingerprint(input.key.publicKey),
      ...(input.key.sample ? { sample: true as const } : {}),
    },
  };
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`数据包清单不符合格式：${firstIssue(checked.error)}`);

  const manifestBytes = encodeUtf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries = new Map<string, Uint8Array>();
  entries.set(MANIFEST_PATH, manifestBytes);
  entries.set(SIGNATURE_PATH, signManifest(manifestBytes, input.key.secretKey));
  entries.set(SUMS_PATH, sumsOf(manifest, manifestBytes, entries.get(SIGNATURE_PATH)!));
  for (const [path, bytes] of stored) entries.set(path, bytes);

  const when = dosStamp(input.createdAt);
  const zip = encodeZip([...entries].map(([path, bytes]) => zipEntry(path, bytes, false, when)));
  const folderName = packetFileName(manifest);
  return { fileName: `${folderName}.hwpkt`, folderName, bytes: zip, entries, manifest };
}

function plainEntry(path: string, bytes: Uint8Array): FileEntry {
  return { path, size: bytes.length, sha256: sha256Hex(bytes), sm3: sm3Hex(bytes) };
}

/**
 * SHA256SUMS from the manifest's digests of the stored bytes (already computed, and on opening already
 * verified), plus the manifest and its signature: 100 MB of PDFs are hashed once, not twice.
 */
export function sumsOf(manifest: Manifest, manifestBytes: Uint8Array, signature: Uint8Array): Uint8Array {
  const digests = new Map<string, string>([
    [MANIFEST_PATH, sha256Hex(manifestBytes)],
    [SIGNATURE_PATH, sha256Hex(signature)],
  ]);
  for (const f of manifest.files) digests.set(f.path, f.encrypted?.storedSha256 ?? f.sha256);
  return sumsText(digests);
}

function sumsText(digests: ReadonlyMap<string, string>): Uint8Array {
  const lines = [...digests]
    .filter(([path]) => path !== SUMS_PATH)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, hex]) => `${hex}  ${path}\n`);
  return encodeUtf8(lines.join(''));
}

/** `sha256sum` text-mode lines ("<hex>  <path>"), sorted by path, for every entry but SHA256SUMS itself. */
export function sha256Sums(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return sumsText(new Map([...entries].map(([path, bytes]) => [path, sha256Hex(bytes)])));
}
