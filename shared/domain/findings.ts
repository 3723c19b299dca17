/**
 * A finding is what a rule says about a step: which rule, which article(s) of 《工作规则》, how serious, a
 * Chinese message a clerk understands, and what it is about. The UI disables a step on `block`, asks for an
 * override reason on `warn`, and just shows `info`.
 */
export type Severity = 'block' | 'warn' | 'info';

export type SubjectKind =
  | 'meeting'
  | 'topic'
  | 'attendance'
  | 'leave'
  | 'minutes'
  | 'decision'
  | 'document'
  | 'instruction'
  | 'travel'
  | 'person'
  | 'date';

export interface SubjectRef {
  readonly kind: SubjectKind;
  readonly id: string;
}

export interface Finding {
  /** Stable id, e.g. "meeting.chair.eligible"; scenarios and overrides refer to it. */
  readonly ruleId: string;
  /** Article numbers of 《平凉市崆峒区人民政府工作规则》 (1–75). */
  readonly articles: readonly number[];
  readonly severity: Severity;
  readonly message: string;
  readonly subject: SubjectRef;
}

export function finding(
  ruleId: string,
  articles: readonly number[],
  severity: Severity,
  subject: SubjectRef,
  message: string,
): Finding {
  return { ruleId, articles, severity, subject, message };
}

export const blocks = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'block');

/** "第四十七条" for 47 — how articles are cited in the UI. */
export function articleLabel(article: number): string {
  return `第${chineseNumber(article)}条`;
}

export function citeArticles(articles: readonly number[]): string {
  return articles.map(articleLabel).join('、');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numerals for 1–99, as the rulebook numbers its articles (十、十一、二十、四十七). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`条款编号超出范围：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  const onesPart = ones === 0 ? '' : DIGITS[ones];
  return tensPart + onesPart;
}
