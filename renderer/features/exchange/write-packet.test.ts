import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import { buildPacket, sampleMeetingInput, sha256Hex } from '../../../shared/packet';
import { verifyWrittenPacket, writePacketFile } from './write-packet';

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
    expect(out).toEqual({
      ok: true,
      displayPath: '/U盘/p.hwpkt',
      relativePath: 'p.hwpkt',
      sha256: sha256Hex(bytes),
    });
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

/** A stick that hands back what it holds, possibly altered on the way (a bad block, a truncation). */
function stick(stored: Uint8Array | undefined) {
  const reads: string[] = [];
  return {
    reads,
    bridge: {
      readGrantedFile: async (_grant: string, relativePath: string): Promise<IpcResult<Uint8Array>> => {
        reads.push(relativePath);
        return stored
          ? { ok: true, value: stored }
          : { ok: false, error: { code: 'io-failed', message: 'U 盘已拔出' } };
      },
    },
  };
}

describe('verifyWrittenPacket (re-read and verify what was written)', async () => {
  const built = await buildPacket(sampleMeetingInput());
  const expected = { bytes: built.bytes, packetId: built.manifest.packetId };

  it('reads the packet back and passes it through the receiver checks', async () => {
    const s = stick(built.bytes.slice());
    expect(await verifyWrittenPacket(s.bridge, 'g', 'p.hwpkt', expected)).toEqual({
      ok: true,
      checked: 'full',
    });
    expect(s.reads).toEqual(['p.hwpkt']);
  });

  it('catches a flipped byte or a truncated file with a clear Chinese message', async () => {
    const flipped = built.bytes.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    for (const bad of [flipped, built.bytes.slice(0, built.bytes.length - 10)]) {
      const out = await verifyWrittenPacket(stick(bad).bridge, 'g', 'p.hwpkt', expected);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.message).toMatch(/读回的数据包与生成的不一致.*换一个 U 盘/);
    }
  });

  it('says so when the file cannot be read back, or is not the packet just built', async () => {
    const gone = await verifyWrittenPacket(stick(undefined).bridge, 'g', 'p.hwpkt', expected);
    expect(gone).toEqual({ ok: false, message: '写入后无法读回数据包：U 盘已拔出' });
    const other = await buildPacket(sampleMeetingInput({ packetId: '0123456789abcdef0123456789abcdef' }));
    const wrongId = await verifyWrittenPacket(stick(other.bytes).bridge, 'g', 'p.hwpkt', {
      bytes: other.bytes,
      packetId: built.manifest.packetId,
    });
    expect(wrongId).toEqual({ ok: false, message: 'U 盘上读回的不是刚生成的数据包。请重新导出。' });
  });
});
