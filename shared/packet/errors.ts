/**
 * Every way a packet can be refused. `check` names the failing check for IT staff and tests; `message` is
 * Chinese and tells the clerk what it means and what to do.
 */
export type PacketCheck =
  | 'container' // not a zip, damaged zip structure, data before/after/between entries
  | 'entry-count'
  | 'entry-size'
  | 'total-size'
  | 'ratio'
  | 'path' // unsafe or malformed path
  | 'duplicate'
  | 'symlink'
  | 'unsupported' // zip features we refuse: encryption, zip64, unknown compression
  | 'json'
  | 'manifest'
  | 'signature'
  | 'untrusted-key'
  | 'missing-entry'
  | 'unexpected-entry'
  | 'size-mismatch'
  | 'hash-mismatch'
  | 'sums'
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'schema';

export class PacketError extends Error {
  readonly check: PacketCheck;
  readonly path: string | undefined;
  constructor(check: PacketCheck, message: string, path?: string) {
    super(message);
    this.name = 'PacketError';
    this.check = check;
    this.path = path;
  }
}

export const DO_NOT_IMPORT = '请勿导入，请联系发送方重新制作数据包并重新拷贝。';
