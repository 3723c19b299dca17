/**
 * Audit timestamps are instants written in Beijing time with an explicit offset ("2026-03-05T09:30:00.000+08:00"),
 * so a clerk reads the local time and a machine still knows the exact instant. Shanghai has no DST.
 */
const OFFSET_MS = 8 * 3_600_000;

export function shanghaiTimestamp(instant: Date): string {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('时间无效，无法记录审计时间');
  return `${new Date(t + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;

export function isShanghaiTimestamp(s: string): boolean {
  return STAMP.test(s) && !Number.isNaN(Date.parse(s));
}
