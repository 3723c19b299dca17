/**
 * Opening a packet: every check runs before anything is returned, in this order, stopping at the first
 * failure with a Chinese message and the name of the failing check:
 *   1. container limits (zip structure, entry count and sizes, inflation bounds, ratio, paths, duplicates,
 *      symlinks) — for the folder form the same limits over the path → bytes map;
 *   2. manifest.json as JSON within limits, then the Ed25519 signature over its raw bytes;
 *   3. the manifest's strict schema, the signer's key against registered partner keys;
 *   4. the entry set equals the manifest's, total size equals the manifest's, every file's size, SHA-256
 *      and SM3 (after decryption when encrypted; a wrong passphrase is told apart), SHA256SUMS;
 *   5. strict schemas of the audit head and the records, and the packet kind's rules.
 * Nothing here touches a store: a refused packet leaves the receiving side exactly as it was.
 */
import { z } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import {
  deriveKey,
  decryptFile,
  keyCheck,
  keyFingerprint,
  sha256Hex,
  sm3Hex,
  verifyManifestSignature,
} from './cryptography';
import { DO_NOT_IMPORT, PacketError, type PacketCheck } from './errors';
import { mib, parsePacketJson } from './json';
import { DEFAULT_LIMITS, type PacketLimits } from './limits';
import {
  AUDIT_HEAD_PATH,
  MANIFEST_PATH,
  PACKET_KIND_LABELS,
  SIGNATURE_PATH,
  SUMS_PATH,
  auditHeadSchema,
  firstIssue,
  hex64,
  manifestSchema,
  receiptDataSchema,
  type Manifest,
  type PacketAuditHead,
  type PacketKind,
  type RecordMeta,
} from './manifest';
import { checkEntryPath, checkNoDuplicates, printable } from './paths';
import { sumsOf } from './build';
import { decodeUtf8Strict } from './platform';
import { readZip, type ZipEntryOut } from './zip';

/** A partner office's public key, registered on first use after its fingerprint was confirmed. */
export interface RegisteredKey {
  readonly officeId: string;
  readonly publicKey: string;
}

export interface OpenOptions {
  readonly limits?: PacketLimits;
  readonly passphrase?: string;
  readonly registeredKeys?: readonly RegisteredKey[];
  /** Refuse a packet from an office whose key is not registered yet (instead of asking to confirm it). */
  readonly requireRegisteredKey?: boolean;
}

export interface IncomingRecord {
  readonly meta: RecordMeta;
  readonly data: unknown;
}

export interface OpenedPacket {
  readonly manifest: Manifest;
  /** SHA-256 of manifest.json's bytes: names this exact packet in receipts and the exchange log. */
  readonly manifestSha256: string;
  readonly signer: {
    readonly officeId: string;
    readonly officeName: string;
    readonly publicKey: string;
    readonly fingerprint: string;
    /** 'unregistered': the signature is valid but the key is new — show the fingerprint to confirm (TOFU). */
    readonly trust: 'registered' | 'unregistered';
    readonly sample: boolean;
  };
  readonly auditHead: PacketAuditHead;
  readonly records: readonly IncomingRecord[];
  /** Plaintext of every file under files/, by packet path. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly encrypted: boolean;
}

export type OpenResult =
  | { readonly ok: true; readonly packet: OpenedPacket }
  | { readonly ok: false; readonly check: PacketCheck; readonly message: string; readonly path?: string };

/** The folder form: every file under the packet folder, '/'-separated relative path → bytes. */
export type PacketSource = Uint8Array | ReadonlyMap<string, Uint8Array>;

export async function openPacket(source: PacketSource, opts: OpenOptions = {}): Promise<OpenResult> {
  try {
    return { ok: true, packet: await open(source, opts) };
  } catch (err) {
    if (err instanceof PacketError) {
      return {
        ok: false,
        check: err.check,
        message: err.message,
        ...(err.path !== undefined ? { path: err.path } : {}),
      };
    }
    throw err;
  }
}

const fail = (check: PacketCheck, message: string, path?: string): never => {
  throw new PacketError(check, message, path);
};

async function open(source: PacketSource, opts: OpenOptions): Promise<OpenedPacket> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  // 1. container
  const list = source instanceof Uint8Array ? readZip(source, limits) : folderEntries(source, limits);
  const entries = new Map(list.map((e) => [e.path, e.bytes]));

  // 2. manifest bytes and signature
  const manifestBytes =
    entries.get(MANIFEST_PATH) ??
    fail(
      'missing-entry',
      `数据包缺少清单文件 ${MANIFEST_PATH}，不是完整的会文数据包。${DO_NOT_IMPORT}`,
      MANIFEST_PATH,
    );
  const signature =
    entries.get(SIGNATURE_PATH) ??
    fail(
      'missing-entry',
      `数据包缺少签名文件 ${SIGNATURE_PATH}，无法确认来源。${DO_NOT_IMPORT}`,
      SIGNATURE_PATH,
    );
  const raw = parsePacketJson(manifestBytes, MANIFEST_PATH, limits);
  const signer = signerSchema.safeParse(raw);
  if (!signer.success)
    fail('manifest', `数据包清单缺少签名人信息，不是有效的会文数据包。${DO_NOT_IMPORT}`, MANIFEST_PATH);
  const { publicKey } = signer.data!.signature;
  if (!verifyManifestSignature(manifestBytes, signature, publicKey)) {
    fail(
      'signature',
      `数据包签名验证失败：清单在签名后被改动，或签名不属于该单位。${DO_NOT_IMPORT}`,
      SIGNATURE_PATH,
    );
  }

  // 3. manifest schema, signer trust
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    fail(
      'manifest',
      `数据包清单格式不正确（${firstIssue(parsed.error!)}）。可能由不兼容的版本制作，请联系发送方。`,
      MANIFEST_PATH,
    );
  const manifest = parsed.data!;
  const fingerprint = keyFingerprint(publicKey);
  if (manifest.signature.fingerprint !== fingerprint)
    fail('manifest', `数据包清单中的密钥指纹与公钥不符。${DO_NOT_IMPORT}`, MANIFEST_PATH);
  const registered = opts.registeredKeys?.find((k) => k.officeId === manifest.origin.officeId);
  if (registered && registered.publicKey.toLowerCase() !== publicKey) {
    fail(
      'untrusted-key',
      `数据包自称来自“${manifest.origin.officeName}”，但签名密钥（指纹 ${fingerprint}）与本机登记的该单位密钥不一致。请勿导入，并电话联系对方核实是否更换了密钥。`,
    );
  }
  if (!registered && opts.requireRegisteredKey) {
    fail(
      'untrusted-key',
      `“${manifest.origin.officeName}”的签名密钥尚未登记（指纹 ${fingerprint}）。请先电话核对指纹并登记后再导入。`,
    );
  }

  // 4. entry set, sizes, hashes, SHA256SUMS
  checkDeclaredPaths(manifest, limits);
  const expected = new Set([MANIFEST_PATH, SIGNATURE_PATH, SUMS_PATH, ...manifest.files.map((f) => f.path)]);
  for (const path of expected) {
    if (!entries.has(path))
      fail(
        'missing-entry',
        `数据包缺少清单中列出的文件“${printable(path)}”，可能拷贝不完整。${DO_NOT_IMPORT}`,
        path,
      );
  }
  for (const path of entries.keys()) {
    if (!expected.has(path))
      fail(
        'unexpected-entry',
        `数据包内有清单未列出的文件“${printable(path)}”，可能被人添加。${DO_NOT_IMPORT}`,
        path,
      );
  }
  const declaredTotal = manifest.files.reduce((n, f) => n + (f.encrypted?.storedSize ?? f.size), 0);
  const actualTotal = manifest.files.reduce((n, f) => n + entries.get(f.path)!.length, 0);
  if (declaredTotal > limits.maxTotalBytes)
    fail('total-size', `数据包总大小超过 ${mib(limits.maxTotalBytes)} 的上限。${DO_NOT_IMPORT}`);
  if (declaredTotal !== actualTotal)
    fail('size-mismatch', `数据包内文件的总大小与清单不符，可能拷贝不完整或被改动。${DO_NOT_IMPORT}`);

  const plain = await plaintexts(manifest, entries, opts, limits);
  const sums = entries.get(SUMS_PATH)!;
  if (!sameBytes(sums, sumsOf(manifest, manifestBytes, signature))) {
    fail('sums', `校验文件 ${SUMS_PATH} 与数据包内容不符，可能被改动。${DO_NOT_IMPORT}`, SUMS_PATH);
  }

  // 5. audit head, records, kind rules
  const head = auditHeadSchema.safeParse(
    parsePacketJson(plain.get(AUDIT_HEAD_PATH)!, AUDIT_HEAD_PATH, limits),
  );
  if (!head.success)
    fail(
      'schema',
      `发送方审计链头格式不正确（${firstIssue(head.error!)}）。${DO_NOT_IMPORT}`,
      AUDIT_HEAD_PATH,
    );
  const records = readRecords(manifest, plain, limits);
  checkKindRules(manifest, records);

  const files = new Map([...plain].filter(([path]) => path.startsWith('files/')));
  return {
    manifest,
    manifestSha256: sha256Hex(manifestBytes),
    signer: {
      officeId: manifest.origin.officeId,
      officeName: manifest.origin.officeName,
      publicKey,
      fingerprint,
      trust: registered ? 'registered' : 'unregistered',
      sample: manifest.signature.sample === true,
    },
    auditHead: head.data!,
    records,
    files,
    encrypted: manifest.encryption !== undefined,
  };
}

const signerSchema = z.object({ signature: z.object({ algorithm: z.literal('Ed25519'), publicKey: hex64 }) });

function folderEntries(source: ReadonlyMap<string, Uint8Array>, limits: PacketLimits): ZipEntryOut[] {
  if (source.size > limits.maxEntries) {
    fail(
      'entry-count',
      `数据包文件夹含 ${source.size} 个文件，超过 ${limits.maxEntries} 个的上限。${DO_NOT_IMPORT}`,
    );
  }
  const paths = [...source.keys()];
  for (const p of paths) checkEntryPath(p, limits);
  checkNoDuplicates(paths);
  let total = 0;
  for (const [path, bytes] of source) {
    if (bytes.length > limits.maxEntryBytes) {
      fail(
        'entry-size',
        `数据包内的“${printable(path)}”超过单个文件 ${mib(limits.maxEntryBytes)} 的上限。${DO_NOT_IMPORT}`,
        path,
      );
    }
    total += bytes.length;
    if (total > limits.maxTotalBytes)
      fail('total-size', `数据包总大小超过 ${mib(limits.maxTotalBytes)} 的上限。${DO_NOT_IMPORT}`);
  }
  return [...source].map(([path, bytes]) => ({ path, bytes }));
}

/** The manifest's own paths obey the same rules, and sit where they belong. */
function checkDeclaredPaths(manifest: Manifest, limits: PacketLimits): void {
  const paths = manifest.files.map((f) => f.path);
  for (const p of paths) {
    checkEntryPath(p, limits);
    if (p !== AUDIT_HEAD_PATH && !p.startsWith('records/') && !p.startsWith('files/')) {
      fail(
        'manifest',
        `数据包清单列出了不该存在的文件“${printable(p)}”（只允许 records/、files/ 和 ${AUDIT_HEAD_PATH}）。${DO_NOT_IMPORT}`,
        p,
      );
    }
  }
  checkNoDuplicates(paths);
  const listed = new Set(paths);
  if (!listed.has(AUDIT_HEAD_PATH))
    fail('manifest', `数据包清单未列出发送方审计链头 ${AUDIT_HEAD_PATH}。${DO_NOT_IMPORT}`);
  const recordPaths = new Set<string>();
  const recordKeys = new Set<string>();
  for (const r of manifest.records) {
    if (!r.path.startsWith('records/') || !listed.has(r.path))
      fail('manifest', `记录 ${r.type}/${r.id} 的文件未在清单中列出。${DO_NOT_IMPORT}`, r.path);
    if (recordPaths.has(r.path))
      fail('manifest', `两条记录共用同一个文件“${printable(r.path)}”。${DO_NOT_IMPORT}`, r.path);
    recordPaths.add(r.path);
    const key = `${r.type}/${r.id}`;
    if (recordKeys.has(key)) fail('manifest', `记录 ${key} 在清单中出现了两次。${DO_NOT_IMPORT}`);
    recordKeys.add(key);
    for (const a of r.attachments ?? []) {
      if (!a.startsWith('files/') || !listed.has(a))
        fail('manifest', `记录 ${key} 的附件“${printable(a)}”未在清单中列出。${DO_NOT_IMPORT}`, a);
    }
  }
  for (const p of paths) {
    if (p.startsWith('records/') && !recordPaths.has(p))
      fail('manifest', `清单中的“${printable(p)}”不属于任何记录。${DO_NOT_IMPORT}`, p);
  }
}

async function plaintexts(
  manifest: Manifest,
  entries: ReadonlyMap<string, Uint8Array>,
  opts: OpenOptions,
  limits: PacketLimits,
): Promise<Map<string, Uint8Array>> {
  const enc = manifest.encryption;
  let key: Uint8Array | undefined;
  if (enc) {
    if (opts.passphrase === undefined || opts.passphrase === '') {
      fail('passphrase-required', '该数据包已加密，请输入发送方告知的口令后再打开。');
    }
    if (
      enc.N > limits.maxScryptN ||
      (enc.N & (enc.N - 1)) !== 0 ||
      128 * enc.N * enc.r > limits.maxScryptMemoryBytes
    ) {
      fail('manifest', `数据包的口令参数异常（N=${enc.N}），拒绝处理。${DO_NOT_IMPORT}`);
    }
    key = await deriveKey(opts.passphrase!, enc);
    if (keyCheck(key) !== enc.keyCheck)
      fail('wrong-passphrase', '口令不正确，无法解密数据包。请核对口令（区分大小写和全角半角）后重试。');
  }
  const out = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    let bytes = entries.get(f.path)!;
    if (key && f.encrypted) {
      if (bytes.length !== f.encrypted.storedSize) fail('size-mismatch', sizeMsg(f.path), f.path);
      if (sha256Hex(bytes) !== f.encrypted.storedSha256)
        fail('hash-mismatch', hashMsg(f.path, 'SHA-256'), f.path);
      bytes =
        decryptFile(key, f.path, bytes, f.encrypted.nonce) ??
        fail('hash-mismatch', hashMsg(f.path, 'AES-GCM'), f.path);
    } else if (key || f.encrypted) {
      fail(
        'manifest',
        `数据包清单中“${printable(f.path)}”的加密标记与整体设置不一致。${DO_NOT_IMPORT}`,
        f.path,
      );
    }
    if (bytes.length !== f.size) fail('size-mismatch', sizeMsg(f.path), f.path);
    if (sha256Hex(bytes) !== f.sha256) fail('hash-mismatch', hashMsg(f.path, 'SHA-256'), f.path);
    if (sm3Hex(bytes) !== f.sm3) fail('hash-mismatch', hashMsg(f.path, 'SM3'), f.path);
    out.set(f.path, bytes);
  }
  return out;
}

const sizeMsg = (path: string): string =>
  `数据包内“${printable(path)}”的大小与清单不符，可能拷贝不完整或被改动。${DO_NOT_IMPORT}`;
const hashMsg = (path: string, algo: string): string =>
  `数据包内“${printable(path)}”的 ${algo} 校验不符，文件已损坏或被改动。${DO_NOT_IMPORT}`;

function readRecords(
  manifest: Manifest,
  plain: ReadonlyMap<string, Uint8Array>,
  limits: PacketLimits,
): IncomingRecord[] {
  return manifest.records.map((meta) => {
    const bytes = plain.get(meta.path)!;
    const data = parsePacketJson(bytes, meta.path, limits);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      fail('schema', `记录 ${meta.type}/${meta.id} 不是 JSON 对象。${DO_NOT_IMPORT}`, meta.path);
    }
    // Records travel as canonical JSON, so the hash the sender computed is the hash of these very bytes.
    if (sha256Hex(bytes) !== meta.contentHash || canonicalJson(data) !== decodeUtf8Strict(bytes)) {
      fail('hash-mismatch', `记录 ${meta.type}/${meta.id} 的内容摘要与清单不符。${DO_NOT_IMPORT}`, meta.path);
    }
    return { meta, data };
  });
}

function checkKindRules(manifest: Manifest, records: readonly IncomingRecord[]): void {
  const count = (type: string): number => records.filter((r) => r.meta.type === type).length;
  const label = PACKET_KIND_LABELS[manifest.kind];
  const need = (ok: boolean, what: string): void => {
    if (!ok) fail('schema', `这是“${label}”数据包，但${what}。${DO_NOT_IMPORT}`);
  };
  const kind: PacketKind = manifest.kind;
  switch (kind) {
    case 'meeting':
      need(count('meeting') >= 1, '其中没有会议记录');
      break;
    case 'document':
      need(count('document') >= 1, '其中没有公文记录');
      need(
        [...manifest.files].some((f) => f.path.startsWith('files/') && f.path.toLowerCase().endsWith('.pdf')),
        '其中没有 PDF 文件',
      );
      break;
    case 'decisions-update':
      need(count('decision') >= 1, '其中没有督办事项记录');
      break;
    case 'receipt': {
      need(manifest.inReplyTo !== undefined, '清单未注明回复的是哪个数据包');
      need(records.length === 1 && count('receipt') === 1, '应当只含一条回执记录');
      const parsed = receiptDataSchema.safeParse(records[0]?.data);
      if (!parsed.success)
        fail('schema', `回执内容格式不正确（${firstIssue(parsed.error)}）。${DO_NOT_IMPORT}`);
      need(parsed.data!.receivedPacketId === manifest.inReplyTo, '回执内容与清单所回复的数据包不一致');
      break;
    }
    default: {
      const never: never = kind;
      fail('manifest', `未知的数据包类型：${String(never)}`);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
