import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKUP_MESSAGES,
  base64ToBytes,
  BlobData,
  bytesToBase64,
  checkBackupIntegrity,
  decodeBackupFile,
  decodeBackupValue,
  encodeBackupFile,
  encodeBackupValue,
  readBackupHeader,
  type BackupPayload,
} from './backup-file';

const payload: BackupPayload = {
  format: 'huiwen-backup',
  kind: 'daily',
  createdAt: '2026-11-27T09:05:00.000+08:00',
  schemaVersion: 2,
  appVersion: '0.1.0',
  auditHead: { sequence: 2, hash: 'a'.repeat(64) },
  unreadableTables: [],
  tables: {
    people: [{ id: 'p1', name: '王明' }],
    audit: [{ sequence: 1 }, { sequence: 2 }],
    attachments: [encodeBackupValue({ id: 'f1', bytes: new Uint8Array([0, 1, 255]) })],
  },
};

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('backup file', () => {
  it('round-trips: header carries the SHA-256, the audit head and counts; payload comes back equal', () => {
    const bytes = encodeBackupFile(payload);
    const firstLine = text(bytes).split('\n')[0]!;
    expect(JSON.parse(firstLine)).toMatchObject({
      format: 'huiwen-backup',
      auditHead: payload.auditHead,
      counts: { people: 1, audit: 2, attachments: 1 },
    });
    const decoded = decodeBackupFile(bytes);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.payload).toEqual(payload);
    expect(readBackupHeader(bytes)).toMatchObject({ ok: true, value: { kind: 'daily' } });
  });

  it('rejects any single changed byte of the payload, with a Chinese message', () => {
    const bytes = encodeBackupFile(payload);
    const headerEnd = bytes.indexOf(0x0a) + 1;
    fc.assert(
      fc.property(
        fc.integer({ min: headerEnd, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, delta) => {
          const tampered = bytes.slice();
          tampered[at] = (tampered[at]! + delta) % 256;
          const result = checkBackupIntegrity(tampered);
          expect(result).toEqual({
            ok: false,
            problem: 'hashMismatch',
            message: BACKUP_MESSAGES.hashMismatch,
          });
          expect(decodeBackupFile(tampered).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('catches a truncated file, a header that lies about the payload, and files that are not backups', () => {
    const bytes = encodeBackupFile(payload);
    expect(checkBackupIntegrity(bytes.subarray(0, bytes.length - 10))).toMatchObject({
      problem: 'truncated',
    });
    // A header edited to claim another audit head (the payload hash still matches the payload).
    const [head, ...rest] = text(bytes).split('\n');
    const forged = JSON.stringify({ ...JSON.parse(head!), auditHead: { sequence: 9, hash: 'c'.repeat(64) } });
    const forgedBytes = new TextEncoder().encode([forged, ...rest].join('\n'));
    expect(checkBackupIntegrity(forgedBytes).ok).toBe(true);
    expect(decodeBackupFile(forgedBytes)).toMatchObject({ ok: false, problem: 'headerMismatch' });
    expect(checkBackupIntegrity(new TextEncoder().encode('PK\u0003\u0004zip'))).toMatchObject({
      problem: 'notBackup',
    });
    const newer = new TextEncoder().encode(
      `${JSON.stringify({ format: 'huiwen-backup', formatVersion: 99 })}\n{}`,
    );
    expect(checkBackupIntegrity(newer)).toMatchObject({ problem: 'newerFormat' });
    for (const m of Object.values(BACKUP_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  it('encodes row values beyond JSON and brings them back', () => {
    const row = {
      id: 'x',
      bytes: new Uint8Array([1, 2, 3]),
      blob: new BlobData('application/pdf', new Uint8Array([37, 80, 68, 70])),
      at: new Date('2026-01-02T03:04:05.000Z'),
      missing: undefined,
      list: [undefined, null, 1],
      $tricky: { $bytes: 'not a tag' },
      inf: Number.POSITIVE_INFINITY,
    };
    const json = JSON.parse(JSON.stringify(encodeBackupValue(row))) as unknown;
    expect(decodeBackupValue(json)).toEqual(row);
  });

  it('base64 agrees with the platform for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const ours = bytesToBase64(b);
        expect(ours).toBe(Buffer.from(b).toString('base64'));
        expect(base64ToBytes(ours)).toEqual(b);
      }),
    );
  });
});
