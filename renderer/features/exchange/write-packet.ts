/**
 * Writing a packet file into a granted folder through the bridge, in chunks (progress bar), ending with the
 * main process checking length and SHA-256 of what arrived before it renames the file into place. Any failure
 * aborts the export: the target folder keeps no half-written packet.
 */
import { sha256Hex } from '../../../shared/packet';
import type { HuiwenBridge } from '../../../shared/ipc';
import { EXPORT_CHUNK_BYTES, chunkRanges } from './exchange-model';

export type WriteOutcome =
  | { readonly ok: true; readonly displayPath: string; readonly sha256: string }
  | { readonly ok: false; readonly message: string };

export async function writePacketFile(
  bridge: Pick<HuiwenBridge, 'beginExport' | 'writeExportChunk' | 'finishExport' | 'abortExport'>,
  grantId: string,
  fileName: string,
  bytes: Uint8Array,
  onProgress: (written: number, total: number) => void = () => undefined,
  chunkSize: number = EXPORT_CHUNK_BYTES,
): Promise<WriteOutcome> {
  const sha256 = sha256Hex(bytes);
  const begun = await bridge.beginExport(grantId, fileName, bytes.byteLength);
  if (!begun.ok) return { ok: false, message: begun.error.message };
  const exportId = begun.value;
  onProgress(0, bytes.byteLength);
  for (const [start, end] of chunkRanges(bytes.byteLength, chunkSize)) {
    const wrote = await bridge.writeExportChunk(exportId, bytes.subarray(start, end));
    if (!wrote.ok) {
      await bridge.abortExport(exportId);
      return { ok: false, message: wrote.error.message };
    }
    onProgress(wrote.value, bytes.byteLength);
  }
  const finished = await bridge.finishExport(exportId, sha256);
  if (!finished.ok) {
    await bridge.abortExport(exportId);
    return { ok: false, message: finished.error.message };
  }
  return { ok: true, displayPath: finished.value.displayPath, sha256 };
}
