/**
 * The packet's cryptography, all pure JS (noble) so it runs the same in the renderer and in Node:
 * - hashes: SHA-256 (for `sha256sum -c`) and SM3 (GB/T 32905) of every file;
 * - signature: Ed25519 over the raw bytes of manifest.json, by the sending office's key;
 * - optional encryption: passphrase → scrypt → AES-256-GCM per file, the file's path as associated data.
 * This is commercial cryptography; it does not make a system lawful for state secrets (see docs/packet-format.md).
 */
import { gcm } from '@noble/ciphers/aes.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { encodeUtf8, randomBytes } from './platform';
import { sm3 } from './sm3';

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
export const sm3Hex = (bytes: Uint8Array): string => bytesToHex(sm3(bytes));

// ---------------------------------------------------------------- office keys

/** An office's signing key pair. The secret key never leaves the sending PC. */
export interface OfficeKeyPair {
  /** 32-byte Ed25519 seed, hex. */
  readonly secretKey: string;
  /** 32-byte Ed25519 public key, hex. */
  readonly publicKey: string;
}

export function generateOfficeKey(seed?: Uint8Array): OfficeKeyPair {
  const secret = seed ?? randomBytes(32);
  return { secretKey: bytesToHex(secret), publicKey: bytesToHex(ed25519.getPublicKey(secret)) };
}

/**
 * What a clerk reads aloud on the phone to confirm a partner's key on first use: the first 128 bits of the
 * SHA-256 of the public key, as eight groups of four upper-case hex digits.
 */
export function keyFingerprint(publicKeyHex: string): string {
  const hex = sha256Hex(hexToBytes(publicKeyHex)).slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function signManifest(manifestBytes: Uint8Array, secretKeyHex: string): Uint8Array {
  return ed25519.sign(manifestBytes, hexToBytes(secretKeyHex));
}

export function verifyManifestSignature(
  manifestBytes: Uint8Array,
  signature: Uint8Array,
  publicKeyHex: string,
): boolean {
  if (signature.length !== 64 || !/^[0-9a-f]{64}$/.test(publicKeyHex)) return false;
  try {
    return ed25519.verify(signature, manifestBytes, hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- encryption

export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** 16 bytes, hex. */
  readonly salt: string;
}

/** scrypt N=2^16, r=8: 64 MiB of memory per guess, about a second in pure JS on an office PC. */
export const DEFAULT_KDF = { N: 2 ** 16, r: 8, p: 1 } as const;

const KEY_CHECK_LABEL = encodeUtf8('huiwen-packet key check v1');

export async function deriveKey(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  // NFC so the same passphrase typed on Windows and macOS input methods derives the same key.
  return scryptAsync(encodeUtf8(passphrase.normalize('NFC')), hexToBytes(params.salt), {
    N: params.N,
    r: params.r,
    p: params.p,
    dkLen: 32,
    maxmem: 2 ** 31,
  });
}

/**
 * A MAC of a fixed label under the key, stored in the signed manifest: tells "wrong passphrase" apart from
 * "ciphertext altered" before any file is decrypted.
 */
export const keyCheck = (key: Uint8Array): string => bytesToHex(hmac(sha256, key, KEY_CHECK_LABEL));

export function encryptFile(key: Uint8Array, path: string, plain: Uint8Array, nonce: Uint8Array): Uint8Array {
  return gcm(key, nonce, encodeUtf8(path)).encrypt(plain);
}

/** Undefined when authentication fails (altered ciphertext, or a file moved to another path). */
export function decryptFile(
  key: Uint8Array,
  path: string,
  sealed: Uint8Array,
  nonceHex: string,
): Uint8Array | undefined {
  try {
    return gcm(key, hexToBytes(nonceHex), encodeUtf8(path)).decrypt(sealed);
  } catch {
    return undefined;
  }
}

export { bytesToHex, hexToBytes, randomBytes };
