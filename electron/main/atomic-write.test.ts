import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PartialWriteError,
  tempPathFor,
  writeFileAtomic,
  writeFilesAtomic,
  type AtomicFs,
  type FileHandleLike,
} from './atomic-write';

type Step = 'open' | 'write' | 'fsync' | 'close' | 'rename' | 'dirOpen' | 'dirSync';

/** Real fs with one injectable failing step. */
function faultyFs(failAt?: Step): AtomicFs {
  const boom = (step: Step): void => {
    if (step === failAt) throw Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' });
  };
  return {
    async open(p, flags) {
      const isDir = flags === 'r';
      boom(isDir ? 'dirOpen' : 'open');
      const handle = await nodeFs.open(p, flags);
      const wrapped: FileHandleLike = {
        async writeFile(data) {
          boom('write');
          await handle.writeFile(data);
        },
        async sync() {
          boom(isDir ? 'dirSync' : 'fsync');
          await handle.sync();
        },
        async close() {
          await handle.close();
          if (!isDir) boom('close');
        },
      };
      return wrapped;
    },
    async rename(a, b) {
      boom('rename');
      await nodeFs.rename(a, b);
    },
    unlink: (p) => nodeFs.unlink(p),
    mkdir: (p, o) => nodeFs.mkdir(p, o),
    realpath: (p) => nodeFs.realpath(p),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await nodeFs.realpath(await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-atomic-')));
});
afterEach(async () => {
  await nodeFs.rm(dir, { recursive: true, force: true });
});

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const leftovers = async (): Promise<string[]> =>
  (await nodeFs.readdir(dir)).filter((n) => n.endsWith('.huiwen-tmp'));

describe('writeFileAtomic', () => {
  it('writes new content and leaves no temp file', async () => {
    const dest = path.join(dir, '通知.pdf');
    await writeFileAtomic(faultyFs(), dest, text('new'));
    expect(await nodeFs.readFile(dest, 'utf8')).toBe('new');
    expect(await leftovers()).toEqual([]);
  });

  it('replaces existing content', async () => {
    const dest = path.join(dir, 'a.txt');
    await nodeFs.writeFile(dest, 'old');
    await writeFileAtomic(faultyFs(), dest, text('new'));
    expect(await nodeFs.readFile(dest, 'utf8')).toBe('new');
  });

  it.each<Step>(['open', 'write', 'fsync', 'close', 'rename'])(
    'failure at %s: destination keeps its old content, no temp left',
    async (step) => {
      const dest = path.join(dir, 'a.txt');
      await nodeFs.writeFile(dest, 'old');
      await expect(writeFileAtomic(faultyFs(step), dest, text('new'))).rejects.toThrow(
        `injected ${step} failure`,
      );
      expect(await nodeFs.readFile(dest, 'utf8')).toBe('old');
      expect(await leftovers()).toEqual([]);
    },
  );

  it.each<Step>(['open', 'write', 'fsync', 'close', 'rename'])(
    'failure at %s: absent destination stays absent',
    async (step) => {
      const dest = path.join(dir, 'new.txt');
      await expect(writeFileAtomic(faultyFs(step), dest, text('new'))).rejects.toThrow();
      await expect(nodeFs.stat(dest)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await leftovers()).toEqual([]);
    },
  );

  it.each<Step>(['dirOpen', 'dirSync'])(
    'a folder fsync failure (%s, e.g. Windows) is tolerated',
    async (step) => {
      const dest = path.join(dir, 'a.txt');
      await writeFileAtomic(faultyFs(step), dest, text('new'));
      expect(await nodeFs.readFile(dest, 'utf8')).toBe('new');
      expect(await leftovers()).toEqual([]);
    },
  );

  it('refuses to reuse a pre-existing temp name (no following planted files)', async () => {
    const dest = path.join(dir, 'a.txt');
    await nodeFs.writeFile(tempPathFor(dest, 'fixed'), 'planted');
    await expect(
      writeFileAtomic(faultyFs(), dest, text('new'), { randomSuffix: () => 'fixed' }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await nodeFs.readFile(tempPathFor(dest, 'fixed'), 'utf8')).toBe('planted');
  });
});

describe('writeFilesAtomic', () => {
  it('writes every file under the root, creating sub-folders, and reports them', async () => {
    const report = await writeFilesAtomic(faultyFs(), dir, [
      { relativePath: '2026/第1次常务会议/纪要.pdf', bytes: text('abc') },
      { relativePath: 'index.json', bytes: text('{}') },
    ]);
    expect(report).toEqual({ written: ['2026/第1次常务会议/纪要.pdf', 'index.json'], totalBytes: 5 });
    expect(await nodeFs.readFile(path.join(dir, '2026', '第1次常务会议', '纪要.pdf'), 'utf8')).toBe('abc');
  });

  it('reports which files were written when a later one fails', async () => {
    let calls = 0;
    const base = faultyFs();
    const failSecondRename: AtomicFs = {
      ...base,
      rename: async (a, b) => {
        calls += 1;
        if (calls === 2) throw new Error('disk full');
        await base.rename(a, b);
      },
    };
    const error = await writeFilesAtomic(failSecondRename, dir, [
      { relativePath: 'a.txt', bytes: text('1') },
      { relativePath: 'b.txt', bytes: text('2') },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    expect((error as PartialWriteError).written).toEqual(['a.txt']);
    expect((error as PartialWriteError).failedPath).toBe('b.txt');
    expect(await nodeFs.readdir(dir)).toEqual(['a.txt']);
  });

  it('refuses traversal and a symlinked sub-folder pointing outside the root', async () => {
    const outside = await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-outside-'));
    try {
      await nodeFs.symlink(outside, path.join(dir, 'link'));
      await expect(
        writeFilesAtomic(faultyFs(), dir, [{ relativePath: 'link/x.txt', bytes: text('x') }]),
      ).rejects.toBeInstanceOf(PartialWriteError);
      expect(await nodeFs.readdir(outside)).toEqual([]);
      await expect(
        writeFilesAtomic(faultyFs(), dir, [{ relativePath: '../x.txt', bytes: text('x') }]),
      ).rejects.toBeInstanceOf(PartialWriteError);
    } finally {
      await nodeFs.rm(outside, { recursive: true, force: true });
    }
  });
});
