import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandlerError } from '../errors';
import { createChunkedExports, EXPORT_MESSAGES } from './chunked-export';

let dir: string;
beforeEach(async () => {
  dir = await nodeFs.realpath(await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-export-')));
});
afterEach(async () => {
  await nodeFs.rm(dir, { recursive: true, force: true });
});

const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const chunks = (b: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));

describe('chunked export', () => {
  it('appends chunks, reports progress, and renames into place only on finish', async () => {
    const exp = createChunkedExports(nodeFs);
    await nodeFs.writeFile(path.join(dir, 'b.hwbak'), 'old');
    const id = await exp.begin(dir, '/media/U盘', '会文备份/b.hwbak', data.length);
    const progress: number[] = [];
    for (const c of chunks(data, 30_000)) progress.push(await exp.chunk(id, c));
    expect(progress).toEqual([30_000, 60_000, 90_000, 100_000]);
    expect(await nodeFs.readdir(path.join(dir, '会文备份'))).toHaveLength(1); // only the temp file
    const report = await exp.finish(id, sha(data));
    expect(report).toEqual({
      relativePath: '会文备份/b.hwbak',
      displayPath: path.join('/media/U盘', '会文备份', 'b.hwbak'),
      totalBytes: data.length,
    });
    expect(new Uint8Array(await nodeFs.readFile(path.join(dir, '会文备份', 'b.hwbak')))).toEqual(data);
    expect(await nodeFs.readdir(path.join(dir, '会文备份'))).toEqual(['b.hwbak']);
  });

  it('a wrong hash, a short upload, or an abort leaves the destination untouched and no temp file', async () => {
    const exp = createChunkedExports(nodeFs);
    const target = path.join(dir, 'b.hwbak');
    await nodeFs.writeFile(target, 'old');
    const cases: [string, (id: string) => Promise<unknown>][] = [
      [
        EXPORT_MESSAGES.hashMismatch,
        async (id) => {
          await exp.chunk(id, data);
          return exp.finish(id, 'f'.repeat(64));
        },
      ],
      [
        EXPORT_MESSAGES.incomplete(10, data.length),
        async (id) => {
          await exp.chunk(id, data.subarray(0, 10));
          return exp.finish(id, sha(data));
        },
      ],
      [EXPORT_MESSAGES.tooMuch, (id) => exp.chunk(id, new Uint8Array(data.length + 1))],
    ];
    for (const [message, run] of cases) {
      const id = await exp.begin(dir, dir, 'b.hwbak', data.length);
      const error = await run(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HandlerError);
      expect((error as HandlerError).message).toBe(message);
      expect(await nodeFs.readdir(dir)).toEqual(['b.hwbak']);
      expect(await nodeFs.readFile(target, 'utf8')).toBe('old');
      // The export is gone: further chunks are refused.
      expect(((await exp.chunk(id, data).catch((e: unknown) => e)) as HandlerError).message).toBe(
        EXPORT_MESSAGES.unknownExport,
      );
    }
    const id = await exp.begin(dir, dir, 'b.hwbak', data.length);
    await exp.chunk(id, data.subarray(0, 5));
    await exp.abort(id);
    expect(await nodeFs.readdir(dir)).toEqual(['b.hwbak']);
  });

  it('refuses a sub-folder that is a symlink out of the granted folder', async () => {
    const outside = await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-outside-'));
    try {
      await nodeFs.symlink(outside, path.join(dir, 'link'));
      const exp = createChunkedExports(nodeFs);
      const error = await exp.begin(dir, dir, 'link/x.hwbak', 1).catch((e: unknown) => e);
      expect((error as HandlerError).message).toBe(EXPORT_MESSAGES.writeFailed);
      expect(await nodeFs.readdir(outside)).toEqual([]);
    } finally {
      await nodeFs.rm(outside, { recursive: true, force: true });
    }
  });
});
