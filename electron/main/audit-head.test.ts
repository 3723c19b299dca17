import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_HEAD_FILE, AUDIT_HEAD_MESSAGES, readAuditHeadFile, writeAuditHeadFile } from './audit-head';
import { HandlerError } from './errors';

let dir: string;
beforeEach(async () => {
  dir = await nodeFs.realpath(await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-head-')));
});
afterEach(async () => {
  await nodeFs.rm(dir, { recursive: true, force: true });
});

const now = () => new Date('2026-11-27T01:00:00.000Z');

describe('audit head file', () => {
  it('is absent until written, then holds the last head written', async () => {
    expect(await readAuditHeadFile(nodeFs, dir)).toBeNull();
    await writeAuditHeadFile(nodeFs, dir, 3, 'a'.repeat(64), now);
    const written = await writeAuditHeadFile(nodeFs, dir, 4, 'b'.repeat(64), now);
    expect(written).toEqual({ sequence: 4, hash: 'b'.repeat(64), writtenAt: '2026-11-27T01:00:00.000Z' });
    expect(await readAuditHeadFile(nodeFs, dir)).toEqual(written);
    expect(await nodeFs.readdir(dir)).toEqual([AUDIT_HEAD_FILE]);
  });

  it('a damaged file is an error, never "no head recorded"', async () => {
    for (const content of ['{"sequence":', '{"sequence":-1,"hash":"x","writtenAt":""}', '\xff\xfe']) {
      await nodeFs.writeFile(path.join(dir, AUDIT_HEAD_FILE), content, 'latin1');
      const error = await readAuditHeadFile(nodeFs, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HandlerError);
      expect((error as HandlerError).message).toBe(AUDIT_HEAD_MESSAGES.unreadable);
    }
  });

  it('a failed write keeps the previous head', async () => {
    await writeAuditHeadFile(nodeFs, dir, 1, 'a'.repeat(64), now);
    const fs = { ...nodeFs, rename: async () => Promise.reject(new Error('EIO')) };
    const error = await writeAuditHeadFile(fs, dir, 2, 'b'.repeat(64), now).catch((e: unknown) => e);
    expect((error as HandlerError).message).toBe(AUDIT_HEAD_MESSAGES.writeFailed);
    expect(await readAuditHeadFile(nodeFs, dir)).toMatchObject({ sequence: 1 });
    expect(await nodeFs.readdir(dir)).toEqual([AUDIT_HEAD_FILE]);
  });
});
