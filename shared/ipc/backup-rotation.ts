/**
 * Which automatic backups to keep: the newest backup of each of the `daily` most recent days that have one,
 * plus the newest of each of the `weekly` most recent ISO weeks that have one (restic's keep-daily /
 * keep-weekly). Counting days that HAVE backups, not calendar days, means a closed week or a holiday does
 * not wipe the history. Pure, so both shells (main, browser) and the property tests share it.
 */
export interface BackupPolicy {
  readonly daily: number;
  readonly weekly: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { daily: 7, weekly: 4 };
export const POLICY_LIMITS = { daily: { min: 1, max: 60 }, weekly: { min: 0, max: 52 } } as const;

export interface RotatableBackup {
  readonly id: string;
  /** Beijing timestamp, 'YYYY-MM-DDTHH:mm:ss.sss+08:00'; sorts as text. */
  readonly createdAt: string;
}

/** ISO-8601 week of a 'YYYY-MM-DD' date, as 'YYYY-Www' (the week-year can differ from the calendar year). */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const dayOfWeek = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dayOfWeek + 3); // the Thursday of this week decides its year
  const weekYear = t.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((t.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

const newestFirst = (a: RotatableBackup, b: RotatableBackup): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** The newest backup per group, for the `limit` most recent groups. Input sorted newest first. */
function newestPerGroup(
  sorted: readonly RotatableBackup[],
  key: (b: RotatableBackup) => string,
  limit: number,
): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const b of sorted) {
    if (seen.size >= limit) break;
    const k = key(b);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(b.id);
  }
  return kept;
}

/**
 * Ids to keep (newest first). A backup dated after `today` (the clock was wrong when it was made) counts as
 * made today, so it neither escapes rotation nor pushes real days out. The newest backup is always kept.
 */
export function selectBackupsToKeep(
  backups: readonly RotatableBackup[],
  today: string,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
): string[] {
  if (backups.length === 0) return [];
  const sorted = [...backups].sort(newestFirst);
  const dayOf = (b: RotatableBackup): string => {
    const day = b.createdAt.slice(0, 10);
    return day > today ? today : day;
  };
  const keep = new Set<string>([
    sorted[0]!.id,
    ...newestPerGroup(sorted, dayOf, policy.daily),
    ...newestPerGroup(sorted, (b) => isoWeekOf(dayOf(b)), policy.weekly),
  ]);
  return sorted.filter((b) => keep.has(b.id)).map((b) => b.id);
}
