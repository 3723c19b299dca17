import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import { sha256Hex } from '../../../shared/packet';
import { writePacketFile } from './write-packet';

/** A fake main process keeping the file in memory, with an optional failure on one chunk. */
function fakeBridge(failOnChunk?: number) {
  const state = { chunks: [] as Uint8Array[], finished: undefined as Uint8Array | undefined, aborted: false };
  const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
  let n = 0;
  return {
    state,
    bridge: {
      beginExport: async () => ok('ex-1'),
      writeExportChunk: async (_id: string, bytes: Uint8Array): Promise<IpcResult<number>> => {
        if (n++ === failOnChunk)
          return { ok: false, error: { code: 'io-failed', message: '写入失败，U 盘已拔出' } };
        state.chunks.push(bytes.slice());
        return ok(state.chunks.reduce((s, c) => s + c.length, 0));
      },
      finishExport: async (_id: string, sha: string) => {
        const all = new Uint8Array(state.chunks.reduce((s, c) => s + c.length, 0));
        let off = 0;
        for (const c of state.chunks) {
          all.set(c, off);
          off += c.length;
        }
        if (sha256Hex(all) !== sha)
          return { ok: false as const, error: { code: 'io-failed' as const, message: '校验不符' } };
        state.finished = all;
        return ok({ relativePath: 'p.hwpkt', displayPath: '/U盘/p.hwpkt', totalBytes: all.length });
      },
      abortExport: async () => {
        state.aborted = true;
        return ok(undefined);
      },
    },
  };
}

describe('writePacketFile', () => {
  const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);

  it('writes every chunk, reports progress and lets main check the SHA-256', async () => {
    const { bridge, state } = fakeBridge();
    const progress: number[] = [];
    const out = await writePacketFile(bridge, 'g', 'p.hwpkt', bytes, (w) => progress.push(w), 4);
    expect(out).toEqual({ ok: true, displayPath: '/U盘/p.hwpkt', sha256: sha256Hex(bytes) });
    expect(progress).toEqual([0, 4, 8, 10]);
    expect(state.finished).toEqual(bytes);
  });

  it('aborts on a failed chunk and returns the Chinese message', async () => {
    const { bridge, state } = fakeBridge(1);
    const out = await writePacketFile(bridge, 'g', 'p.hwpkt', bytes, undefined, 4);
    expect(out).toEqual({ ok: false, message: '写入失败，U 盘已拔出' });
    expect(state.aborted).toBe(true);
    expect(state.finished).toBeUndefined();
  });
});
