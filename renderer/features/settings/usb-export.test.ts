import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import { exportInChunks, usbFileName } from './usb-export';

/** An in-memory export target with the contract's semantics: the file appears only on a verified finish. */
function fakeTarget(failAtChunk?: number) {
  const files = new Map<string, Uint8Array>();
  const open = new Map<string, { path: string; parts: Uint8Array[]; total: number }>();
  const aborted: string[] = [];
  let chunks = 0;
  const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
  const bridge = {
    beginExport: async (_grant: string, path: string, total: number) => {
      open.set('e1', { path, parts: [], total });
      return ok('e1');
    },
    writeExportChunk: async (id: string, bytes: Uint8Array): Promise<IpcResult<number>> => {
      chunks++;
      if (chunks === failAtChunk) return { ok: false, error: { code: 'io-failed', message: 'U 盘已拔出' } };
      const ex = open.get(id)!;
      ex.parts.push(bytes.slice());
      return ok(ex.parts.reduce((n, p) => n + p.length, 0));
    },
    finishExport: async (id: string, hash: string) => {
      const ex = open.get(id)!;
      const all = Uint8Array.from(ex.parts.flatMap((p) => [...p]));
      if (bytesToHex(sha256(all)) !== hash)
        return { ok: false as const, error: { code: 'io-failed' as const, message: '校验不符' } };
      files.set(ex.path, all);
      return ok({ relativePath: ex.path, displayPath: `/media/U盘/${ex.path}`, totalBytes: all.length });
    },
    abortExport: async (id: string) => {
      aborted.push(id);
      open.delete(id);
      return ok(undefined);
    },
  };
  return { bridge, files, aborted };
}

const data = Uint8Array.from({ length: 2500 }, (_, i) => i % 251);

describe('exportInChunks', () => {
  it('sends the bytes in chunks, reports progress to 100 %, and the file arrives whole', async () => {
    const { bridge, files } = fakeTarget();
    const progress: number[] = [];
    const r = await exportInChunks(bridge, 'g', '会文备份/a.hwbak', data, (w) => progress.push(w), 1000);
    expect(r).toMatchObject({ ok: true, value: { totalBytes: 2500 } });
    expect(progress).toEqual([0, 1000, 2000, 2500]);
    expect(files.get('会文备份/a.hwbak')).toEqual(data);
  });

  it('aborts on a failed chunk and passes the Chinese message on', async () => {
    const { bridge, files, aborted } = fakeTarget(2);
    const r = await exportInChunks(bridge, 'g', 'a.hwbak', data, () => undefined, 1000);
    expect(r).toEqual({ ok: false, error: { code: 'io-failed', message: 'U 盘已拔出' } });
    expect(aborted).toEqual(['e1']);
    expect(files.size).toBe(0);
  });

  it('names the file by its Beijing time', () => {
    expect(usbFileName('2026-11-27T09:05:00.000+08:00')).toBe('会文备份-20261127-0905.hwbak');
  });
});
