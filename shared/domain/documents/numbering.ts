/**
 * 文号 (document numbers) like 崆政发〔2026〕12号: one sequence per issuer pattern and year, no gaps and no
 * duplicates (art. 54 asks the office to regulate 发文办理). Patterns are settings; these are defaults.
 */
import type { IssuerKind } from './model';

/** `{year}` and `{n}` are the placeholders. */
export const DEFAULT_NUMBER_PATTERNS: Readonly<Record<IssuerKind, string>> = {
  government: '崆政发〔{year}〕{n}号',
  governmentOffice: '崆政办发〔{year}〕{n}号',
  partyAndGovernment: '崆发〔{year}〕{n}号',
  governmentWithPeer: '崆政发〔{year}〕{n}号',
  partyOfficeAndGovernmentOffice: '崆办发〔{year}〕{n}号',
};

export function formatDocumentNumber(pattern: string, year: number, serial: number): string {
  return pattern.replace('{year}', String(year)).replace('{n}', String(serial));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The year and serial of a number written in `pattern`, or undefined when it does not fit. */
export function parseDocumentNumber(pattern: string, value: string): { year: number; serial: number } | undefined {
  const source = escapeRegExp(pattern).replace('\\{year\\}', '(?<year>\\d{4})').replace('\\{n\\}', '(?<n>[1-9]\\d*)');
  const m = new RegExp(`^${source}$`).exec(value.trim());
  if (m?.groups === undefined) return undefined;
  return { year: Number(m.groups.year), serial: Number(m.groups.n) };
}

export interface NumberingState {
  /** The next number: one past the highest used this year. */
  readonly next: string;
  readonly serial: number;
  /** Serials skipped below the highest (跳号). */
  readonly gaps: readonly number[];
  /** Numbers used more than once (重号). */
  readonly duplicates: readonly string[];
}

export function nextDocumentNumber(pattern: string, year: number, used: readonly string[]): NumberingState {
  const serials = used
    .map((u) => parseDocumentNumber(pattern, u))
    .filter((p): p is { year: number; serial: number } => p !== undefined && p.year === year)
    .map((p) => p.serial);
  const max = serials.reduce((a, b) => Math.max(a, b), 0);
  const present = new Set(serials);
  const gaps: number[] = [];
  for (let i = 1; i < max; i++) if (!present.has(i)) gaps.push(i);
  const seen = new Set<number>();
  const dups = new Set<number>();
  for (const s of serials) (seen.has(s) ? dups : seen).add(s);
  return {
    next: formatDocumentNumber(pattern, year, max + 1),
    serial: max + 1,
    gaps,
    duplicates: [...dups].sort((a, b) => a - b).map((s) => formatDocumentNumber(pattern, year, s)),
  };
}
