/**
 * SHA-256 in pure JS (@noble/hashes): synchronous, so it can run inside an IndexedDB transaction without
 * letting it auto-commit (WebCrypto's async digest would), and identical in the renderer and in Node.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
