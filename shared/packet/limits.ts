/**
 * Hard limits applied before anything in a packet is trusted. A packet arrives from another PC on a USB stick:
 * it may be damaged, or built to exhaust memory or escape the target folder. The numbers are the issue's; tests
 * pass smaller ones.
 */
export interface PacketLimits {
  /** Entries in the zip or files in the folder. */
  readonly maxEntries: number;
  /** Bytes of any one entry after inflating. */
  readonly maxEntryBytes: number;
  /** Bytes of all entries after inflating; must also equal what the manifest declares. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed bytes, measured on the bytes actually produced, never on header values. */
  readonly maxCompressionRatio: number;
  /** The ratio is only judged past this many output bytes: a tiny file can legitimately compress 200:1. */
  readonly ratioFloorBytes: number;
  readonly maxPathLength: number;
  /** Path segments, e.g. files/a/b.pdf has depth 3. */
  readonly maxPathDepth: number;
  readonly maxJsonBytes: number;
  readonly maxJsonDepth: number;
  /** scrypt cost ceiling for encrypted packets, so a hostile manifest cannot ask for gigabytes of memory. */
  readonly maxScryptN: number;
  /** scrypt memory (128 · N · r bytes) ceiling, for the same reason. */
  readonly maxScryptMemoryBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: PacketLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 200 * MiB,
  maxTotalBytes: 4 * 1024 * MiB,
  maxCompressionRatio: 100,
  ratioFloorBytes: 64 * 1024,
  maxPathLength: 240,
  maxPathDepth: 8,
  maxJsonBytes: 10 * MiB,
  maxJsonDepth: 64,
  maxScryptN: 2 ** 20,
  maxScryptMemoryBytes: 256 * MiB,
};
