/**
 * Writing a packet file into a granted folder through the bridge, in chunks (progress bar), ending with the
 * main process checking length and SHA-256 of what arrived before it renames the file into place. Any failure
 * aborts the export: the target folder keeps no half-written packet.
 */
import { openPacket, sha256Hex } from '../../../shared/packet';
import { READ_GRANTED_MAX_BYTES, type HuiwenBridge } from '../../../shared/ipc';
import { EXPORT_CHUNK_BYTES, chunkRanges } from './exchange-model';

export type WriteOutcome =
  | {
      readonly ok: true;
      readonly displayPath: string;
      /** Where the file is inside the granted folder, for the read-back. */
      readonly relativePath: string;
      readonly sha256: string;
    }
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
  return {
    ok: true,
    displayPath: finished.value.displayPath,
    relativePath: finished.value.relativePath,
    sha256,
  };
}

export type ReadBackOutcome =
  | { readonly ok: true; readonly checked: 'full' }
  /** The packet is larger than one read may carry: main's SHA-256 check at finish is all there is. */
  | { readonly ok: true; readonly checked: 'hash-only' }
  | { readonly ok: false; readonly message: string };

/**
 * Issue 8's "re-read and verify what was written": reads the packet back from the stick and runs the
 * receiver's own checks on it (limits, signature, every file's hashes, schemas), then compares it with what
 * was built. A USB stick that silently corrupts or truncates files is caught here, before the register
 * counts the packet as sent.
 */
export async function verifyWrittenPacket(
  bridge: Pick<HuiwenBridge, 'readGrantedFile'>,
  grantId: string,
  relativePath: string,
  expected: { readonly bytes: Uint8Array; readonly packetId: string; readonly passphrase?: string },
): Promise<ReadBackOutcome> {
  if (expected.bytes.byteLength > READ_GRANTED_MAX_BYTES) return { ok: true, checked: 'hash-only' };
  const read = await bridge.readGrantedFile(grantId, relativePath);
  if (!read.ok) return { ok: false, message: `写入后无法读回数据包：${read.error.message}` };
  const back = read.value;
  if (back.byteLength !== expected.bytes.byteLength || sha256Hex(back) !== sha256Hex(expected.bytes))
    return {
      ok: false,
      message: `U 盘上读回的数据包与生成的不一致（读回 ${back.byteLength} 字节，应为 ${expected.bytes.byteLength} 字节）。U 盘可能有坏块，请换一个 U 盘重新导出，不要把这个文件交给对方。`,
    };
  const opened = await openPacket(
    back,
    expected.passphrase !== undefined && expected.passphrase !== ''
      ? { passphrase: expected.passphrase }
      : {},
  );
  if (!opened.ok)
    return {
      ok: false,
      message: `U 盘上读回的数据包未通过接收方检查：${opened.message}。请换一个 U 盘重新导出，不要把这个文件交给对方。`,
    };
  if (opened.packet.manifest.packetId !== expected.packetId)
    return { ok: false, message: 'U 盘上读回的不是刚生成的数据包。请重新导出。' };
  return { ok: true, checked: 'full' };
}
