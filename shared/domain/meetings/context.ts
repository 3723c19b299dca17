/** What every meeting rule may consult. Passed in, never global, so rules stay pure and testable. */
import type { IsoDate } from '../../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from '../findings';
import type { Meeting } from '../meeting';
import type { Registry } from '../registry';
import type { WorkingDays } from '../working-days';

export interface MeetingRuleContext {
  readonly registry: Registry;
  readonly calendar: WorkingDays;
  /** "Today" for overdue checks; without it nothing is reported as overdue. */
  readonly today?: IsoDate;
  /** Other meetings (coordinating 专题会议 of art. 45, monthly 常务会议 of art. 42). */
  readonly meetings?: readonly Meeting[];
}

export const meetingRef = (m: Meeting): SubjectRef => ({ kind: 'meeting', id: m.id });

/** "张三、李四" for a list of names. */
export const joinNames = (names: readonly string[]): string => names.join('、');

/** "“预算调整”、“供热价格”" for topic ids of a meeting (the id itself when unknown). */
export const topicTitles = (m: Meeting, ids: readonly string[]): string =>
  ids.map((id) => `“${m.topics.find((t) => t.id === id)?.title ?? id}”`).join('、');

/** Removes exact duplicates (same rule, subject and message) that overlapping step checks may produce. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.subject.kind}|${f.subject.id}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A deadline needs the working-day calendar, which refuses years without data ("2027年节假日安排尚未录入…").
 * That must not crash a whole check: it becomes a finding telling the clerk to enter the year.
 */
export function deadlineOrFinding(
  compute: () => IsoDate,
  subject: SubjectRef,
  articles: readonly number[],
  what: string,
): IsoDate | Finding {
  try {
    return compute();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return finding('calendar.unavailable', articles, 'warn', subject, `无法计算${what}：${reason}`);
  }
}
