/**
 * Writing a backup into a folder the clerk picked (a USB stick) in chunks, so the page can show real
 * progress. Main (or the browser bridge) only moves the finished file into place once every byte has
 * arrived and its SHA-256 matches; a failure part-way aborts, leaving nothing half-written.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ExportReport, HuiwenBridge, IpcResult } from '../../../shared/ipc';

export const CHUNK_BYTES = 1024 * 1024;

type ExportBridge = Pick<HuiwenBridge, 'beginExport' | 'writeExportChunk' | 'finishExport' | 'abortExport'>;

/** `会文备份-20261127-0905.hwbak` from a Beijing timestamp. */
export function usbFileName(createdAt: string, prefix = '会文备份'): string {
  const d = createdAt.slice(0, 16).replace(/[^0-9]/g, '');
  return `${prefix}-${d.slice(0, 8)}-${d.slice(8, 12)}.hwbak`;
}

export async function exportInChunks(
  bridge: ExportBridge,
  grantId: string,
  relativePath: string,
  bytes: Uint8Array,
  onProgress: (written: number, total: number) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<IpcResult<ExportReport>> {
  const begun = await bridge.beginExport(grantId, relativePath, bytes.byteLength);
  if (!begun.ok) return begun;
  const id = begun.value;
  onProgress(0, bytes.byteLength);
  for (let at = 0; at < bytes.byteLength; at += chunkBytes) {
    const r = await bridge.writeExportChunk(
      id,
      bytes.subarray(at, Math.min(at + chunkBytes, bytes.byteLength)),
    );
    if (!r.ok) {
      await bridge.abortExport(id);
      return r;
    }
    onProgress(r.value, bytes.byteLength);
  }
  const finished = await bridge.finishExport(id, bytesToHex(sha256(bytes)));
  if (!finished.ok) await bridge.abortExport(id);
  return finished;
}
