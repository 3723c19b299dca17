import { describe, expect, it } from 'vitest';
import { buildPacket, sha256Sums, type PacketInput } from './build';
import { generateOfficeKey, keyFingerprint, sha256Hex, signManifest, sm3Hex } from './cryptography';
import { DEFAULT_LIMITS } from './limits';
import type { PacketCheck } from './errors';
import { MANIFEST_PATH, SIGNATURE_PATH, SUMS_PATH, type Manifest } from './manifest';
import { openPacket, type OpenOptions, type PacketSource } from './open';
import { encodeUtf8 } from './platform';
import { SAMPLE_KEY, placeholderPdf, sampleMeetingInput } from './sample';
import { encodeZip, zipEntry } from './zip';

const FAST_KDF = { N: 1024, r: 8, p: 1 };

async function refused(source: PacketSource, check: PacketCheck, opts?: OpenOptions): Promise<string> {
  const result = await openPacket(source, opts);
  if (result.ok) throw new Error('the packet was accepted');
  expect(result.check, result.message).toBe(check);
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  return result.message;
}

/** Re-signs an altered manifest with `key` and rebuilds SHA256SUMS, as a forger holding that key would. */
function resign(
  entries: ReadonlyMap<string, Uint8Array>,
  edit: (m: Manifest) => unknown,
  key = SAMPLE_KEY,
): Map<string, Uint8Array> {
  const manifest = JSON.parse(new TextDecoder().decode(entries.get(MANIFEST_PATH))) as Manifest;
  const bytes = encodeUtf8(JSON.stringify(edit(manifest)));
  const next = new Map(entries);
  next.set(MANIFEST_PATH, bytes);
  next.set(SIGNATURE_PATH, signManifest(bytes, key.secretKey));
  next.set(SUMS_PATH, sha256Sums(next));
  return next;
}

const rezip = (entries: ReadonlyMap<string, Uint8Array>): Uint8Array =>
  encodeZip([...entries].map(([p, b]) => zipEntry(p, b, false)));

describe('openPacket: round trip', () => {
  it('zip and folder forms open to the records and files that went in', async () => {
    const input = sampleMeetingInput();
    const built = await buildPacket(input);
    expect(built.fileName).toBe('SAMPLE-QZFB-20261211-meeting-5a3b1e0c9d7f4a2b8c6e1f0a2b3c4d5e.hwpkt');
    for (const source of [built.bytes, built.entries]) {
      const result = await openPacket(source);
      if (!result.ok) throw new Error(result.message);
      const { packet } = result;
      expect(packet.records.map((r) => r.data)).toEqual(input.records.map((r) => r.data));
      expect(packet.records.map((r) => [r.meta.type, r.meta.id, r.meta.version])).toEqual(
        input.records.map((r) => [r.type, r.id, r.version]),
      );
      const inputFiles = input.records.flatMap((r) => r.attachments ?? []);
      expect([...packet.files.keys()]).toEqual(inputFiles.map((f) => f.path));
      for (const f of inputFiles) expect(packet.files.get(f.path)).toEqual(f.bytes);
      expect(packet.auditHead).toEqual(input.auditHead);
      expect(packet.signer).toMatchObject({ officeId: 'SAMPLE-QZFB', trust: 'unregistered', sample: true });
      expect(packet.signer.fingerprint).toBe(keyFingerprint(SAMPLE_KEY.publicKey));
      expect(packet.manifestSha256).toBe(sha256Hex(built.entries.get(MANIFEST_PATH)!));
    }
  });

  it('lists every file with size, SHA-256 and SM3 in the manifest', async () => {
    const { manifest, entries } = await buildPacket(sampleMeetingInput());
    for (const f of manifest.files) {
      expect(f.size).toBe(entries.get(f.path)!.length);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.sm3).toMatch(/^[0-9a-f]{64}$/);
      expect(f.sm3).not.toBe(f.sha256);
    }
  });

  it('a registered key is reported as registered', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const result = await openPacket(built.bytes, {
      registeredKeys: [{ officeId: 'SAMPLE-QZFB', publicKey: SAMPLE_KEY.publicKey }],
    });
    expect(result.ok && result.packet.signer.trust).toBe('registered');
  });
});

describe('openPacket: encryption', () => {
  const encrypted = (): Promise<Awaited<ReturnType<typeof buildPacket>>> =>
    buildPacket({ ...sampleMeetingInput(), encryption: { passphrase: '会文 口令 2026', kdf: FAST_KDF } });

  it('round-trips with the right passphrase; the manifest hashes are of the plaintext', async () => {
    const built = await encrypted();
    const plain = await buildPacket(sampleMeetingInput());
    const notice = built.manifest.files.find((f) => f.path === 'files/notice.pdf')!;
    expect(notice.sha256).toBe(plain.manifest.files.find((f) => f.path === 'files/notice.pdf')!.sha256);
    expect(built.entries.get('files/notice.pdf')).not.toEqual(plain.entries.get('files/notice.pdf'));
    const result = await openPacket(built.bytes, { passphrase: '会文 口令 2026' });
    if (!result.ok) throw new Error(result.message);
    expect(result.packet.encrypted).toBe(true);
    expect(result.packet.files.get('files/notice.pdf')).toEqual(plain.entries.get('files/notice.pdf'));
    expect(result.packet.records.map((r) => r.data)).toEqual(sampleMeetingInput().records.map((r) => r.data));
  });

  it('says clearly when the passphrase is wrong or missing', async () => {
    const built = await encrypted();
    expect(await refused(built.bytes, 'wrong-passphrase', { passphrase: '会文口令2026' })).toContain(
      '口令不正确',
    );
    expect(await refused(built.bytes, 'passphrase-required')).toContain('请输入');
  });

  it('tells altered ciphertext apart from a wrong passphrase', async () => {
    const built = await encrypted();
    const entries = new Map(built.entries);
    const sealed = entries.get('files/minutes.pdf')!.slice();
    sealed[5]! ^= 0x80;
    entries.set('files/minutes.pdf', sealed);
    await refused(entries, 'hash-mismatch', { passphrase: '会文 口令 2026' });
  });

  it('refuses a manifest asking for an absurd scrypt cost before deriving anything', async () => {
    const built = await encrypted();
    const forged = resign(built.entries, (m) => ({ ...m, encryption: { ...m.encryption!, N: 2 ** 30 } }));
    await refused(forged, 'manifest', { passphrase: 'x' });
    // N within its ceiling, but r = 32 would need 4 GiB.
    const wide = resign(built.entries, (m) => ({
      ...m,
      encryption: { ...m.encryption!, N: 2 ** 20, r: 32 },
    }));
    await refused(wide, 'manifest', { passphrase: 'x' });
  });
});

describe('openPacket: tampering and trust', () => {
  it('an edited manifest fails the signature', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const entries = new Map(built.entries);
    const text = new TextDecoder().decode(entries.get(MANIFEST_PATH)).replace('王芳', '李四');
    entries.set(MANIFEST_PATH, encodeUtf8(text));
    expect(await refused(entries, 'signature')).toContain('签名验证失败');
  });

  it('a packet re-signed by another key is refused when the office has a registered key', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const mallory = generateOfficeKey();
    const forged = resign(
      built.entries,
      (m) => ({
        ...m,
        signature: {
          algorithm: 'Ed25519',
          publicKey: mallory.publicKey,
          fingerprint: keyFingerprint(mallory.publicKey),
        },
      }),
      { ...mallory, sample: true },
    );
    const registeredKeys = [{ officeId: 'SAMPLE-QZFB', publicKey: SAMPLE_KEY.publicKey }];
    expect(await refused(forged, 'untrusted-key', { registeredKeys })).toContain('不一致');
    const unknownOk = await openPacket(forged);
    expect(unknownOk.ok && unknownOk.packet.signer.trust).toBe('unregistered');
    await refused(forged, 'untrusted-key', { requireRegisteredKey: true });
  });

  it('a swapped file fails its hash; an extra or missing file is named', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const swapped = new Map(built.entries);
    swapped.set('files/notice.pdf', placeholderPdf('Huiwen sample: minutes (cw12)'));
    await refused(swapped, 'size-mismatch');
    const same = new Map(built.entries);
    same.set('files/notice.pdf', placeholderPdf('Huiwen sample: meeting notice (cw13)'));
    await refused(same, 'hash-mismatch');
    const extra = new Map(built.entries).set('files/extra.pdf', placeholderPdf('x'));
    expect(await refused(extra, 'unexpected-entry')).toContain('files/extra.pdf');
    const missing = new Map(built.entries);
    missing.delete('files/minutes.pdf');
    expect(await refused(missing, 'missing-entry')).toContain('files/minutes.pdf');
    await refused(rezip(missing), 'missing-entry');
  });

  it('an edited SHA256SUMS is refused even when everything else is intact', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const entries = new Map(built.entries);
    entries.set(
      SUMS_PATH,
      encodeUtf8(
        new TextDecoder().decode(entries.get(SUMS_PATH)).replace('files/notice.pdf', 'files/notice.PDF'),
      ),
    );
    await refused(entries, 'sums');
  });

  it('a record that is not canonical JSON or whose hash differs is refused', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const forged = resign(
      new Map(built.entries).set('records/topic/topic-cw12-2.json', encodeUtf8('{ "id": "topic-cw12-2" }')),
      (m) => ({
        ...m,
        files: m.files.map((f) => {
          if (f.path !== 'records/topic/topic-cw12-2.json') return f;
          const bytes = encodeUtf8('{ "id": "topic-cw12-2" }');
          return { ...f, size: bytes.length, sha256: sha256Hex(bytes), sm3: f.sm3 };
        }),
      }),
    );
    await refused(forged, 'hash-mismatch');
  });

  it('a strict schema refuses unknown manifest fields even when correctly signed', async () => {
    const built = await buildPacket(sampleMeetingInput());
    await refused(
      resign(built.entries, (m) => ({ ...m, extra: 1 })),
      'manifest',
    );
    await refused(
      resign(built.entries, (m) => ({ ...m, formatVersion: 2 })),
      'manifest',
    );
  });

  it('JSON limits: deep nesting and __proto__ keys are refused', async () => {
    const built = await buildPacket(sampleMeetingInput());
    await refused(
      resign(built.entries, (m) => ({ ...m, deep: JSON.parse('['.repeat(70) + ']'.repeat(70)) as unknown })),
      'json',
    );
    const proto = new Map(built.entries);
    const text = new TextDecoder()
      .decode(proto.get(MANIFEST_PATH))
      .replace('"purpose"', '"__proto__": {}, "purpose"');
    proto.set(MANIFEST_PATH, encodeUtf8(text));
    await refused(proto, 'json');
  });
});

describe('openPacket: kind rules', () => {
  const base = (): PacketInput => sampleMeetingInput();

  it('a document packet needs a document record and a PDF', async () => {
    const input: PacketInput = {
      ...base(),
      kind: 'document',
      records: [
        {
          type: 'document',
          id: 'doc-1',
          version: 1,
          updatedAt: '2026-12-11T10:00:00.000+08:00',
          data: { id: 'doc-1' },
        },
      ],
    };
    await refused((await buildPacket(input)).bytes, 'schema');
    const withPdf: PacketInput = {
      ...input,
      files: [{ path: 'files/signed.pdf', bytes: placeholderPdf('signed') }],
    };
    expect((await openPacket((await buildPacket(withPdf)).bytes)).ok).toBe(true);
  });

  it('a meeting packet without a meeting record is refused', async () => {
    const input: PacketInput = { ...base(), records: base().records.filter((r) => r.type !== 'meeting') };
    expect(await refused((await buildPacket(input)).bytes, 'schema')).toContain('会议');
  });

  it('a decisions update needs decision records', async () => {
    const ok: PacketInput = {
      ...base(),
      kind: 'decisions-update',
      records: base().records.filter((r) => r.type === 'decision'),
    };
    expect((await openPacket((await buildPacket(ok)).bytes)).ok).toBe(true);
    await refused((await buildPacket({ ...ok, records: [] })).bytes, 'schema');
  });
});

describe('openPacket: a correctly signed but inconsistent manifest is still refused', () => {
  const recordFile = 'records/topic/topic-cw12-2.json';

  /** Replaces one file's bytes and declares the new size and hashes, as a forger with the key would. */
  function replaceFile(
    entries: ReadonlyMap<string, Uint8Array>,
    path: string,
    bytes: Uint8Array,
  ): Map<string, Uint8Array> {
    return resign(new Map(entries).set(path, bytes), (m) => ({
      ...m,
      files: m.files.map((f) =>
        f.path === path ? { path, size: bytes.length, sha256: sha256Hex(bytes), sm3: sm3Hex(bytes) } : f,
      ),
      records: m.records.map((r) => (r.path === path ? { ...r, contentHash: sha256Hex(bytes) } : r)),
    }));
  }

  const cases: ReadonlyArray<readonly [string, (m: Manifest) => unknown, PacketCheck]> = [
    [
      'audit head not listed',
      (m) => ({ ...m, files: m.files.filter((f) => f.path !== 'audit-head.json') }),
      'manifest',
    ],
    [
      'record file not listed',
      (m) => ({ ...m, files: m.files.filter((f) => f.path !== recordFile) }),
      'manifest',
    ],
    [
      'two records share a file',
      (m) => ({ ...m, records: m.records.map((r) => ({ ...r, path: m.records[0]!.path })) }),
      'manifest',
    ],
    [
      'a record listed twice',
      (m) => ({ ...m, records: [...m.records, { ...m.records[1]!, path: recordFile }] }),
      'manifest',
    ],
    [
      'an attachment not listed',
      (m) => ({
        ...m,
        records: m.records.map((r, i) => (i === 0 ? { ...r, attachments: ['files/nope.pdf'] } : r)),
      }),
      'manifest',
    ],
    [
      'a records/ file of no record',
      (m) => ({ ...m, records: m.records.filter((r) => r.path !== recordFile) }),
      'manifest',
    ],
    [
      'a file outside records/ and files/',
      (m) => ({ ...m, files: [...m.files, { ...m.files[0]!, path: 'other/x.json' }] }),
      'manifest',
    ],
    [
      'fingerprint not of the key',
      (m) => ({
        ...m,
        signature: { ...m.signature, fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' },
      }),
      'manifest',
    ],
    [
      'encryption mark on one file only',
      (m) => ({
        ...m,
        files: m.files.map((f, i) =>
          i === 0
            ? { ...f, encrypted: { nonce: '0'.repeat(24), storedSize: f.size, storedSha256: f.sha256 } }
            : f,
        ),
      }),
      'manifest',
    ],
    [
      'declared size differs',
      (m) => ({ ...m, files: m.files.map((f) => (f.path === recordFile ? { ...f, size: f.size + 1 } : f)) }),
      'size-mismatch',
    ],
  ];
  for (const [name, edit, check] of cases) {
    it(name, async () => {
      await refused(resign((await buildPacket(sampleMeetingInput())).entries, edit), check);
    });
  }

  it('a manifest without a signature block', async () => {
    const built = await buildPacket(sampleMeetingInput());
    const { signature: _drop, ...unsigned } = built.manifest;
    const entries = new Map(built.entries).set(MANIFEST_PATH, encodeUtf8(JSON.stringify(unsigned)));
    await refused(entries, 'manifest');
  });

  it('a record that is valid JSON but not canonical, even with matching hashes', async () => {
    const built = await buildPacket(sampleMeetingInput());
    await refused(
      replaceFile(built.entries, recordFile, encodeUtf8('{ "id": "topic-cw12-2" }')),
      'hash-mismatch',
    );
    await refused(replaceFile(built.entries, recordFile, encodeUtf8('[1,2]')), 'schema');
  });

  it('a receipt whose record does not match the receipt schema', async () => {
    const input: PacketInput = {
      ...sampleMeetingInput(),
      kind: 'receipt',
      inReplyTo: 'a'.repeat(32),
      records: [
        {
          type: 'receipt',
          id: 'r',
          version: 1,
          updatedAt: '2026-12-11T10:00:00.000+08:00',
          data: { receivedPacketId: 'a'.repeat(32) },
        },
      ],
    };
    expect(await refused((await buildPacket(input)).bytes, 'schema')).toContain('回执');
  });
});

describe('openPacket: limits on the folder form', () => {
  it('refuses too many files, a file too large and too many bytes in total', async () => {
    const { entries } = await buildPacket(sampleMeetingInput());
    await refused(entries, 'entry-count', { limits: { ...DEFAULT_LIMITS, maxEntries: 3 } });
    await refused(entries, 'entry-size', { limits: { ...DEFAULT_LIMITS, maxEntryBytes: 1000 } });
    await refused(entries, 'total-size', { limits: { ...DEFAULT_LIMITS, maxTotalBytes: 4000 } });
    await refused(new Map(entries).set('files/../evil', new Uint8Array(1)), 'path');
    await refused(new Map(entries).set('FILES/notice.pdf', new Uint8Array(1)), 'duplicate');
  });
});
