/**
 * Store errors carry a Chinese message a clerk can act on, plus per-field issues so a form can put each
 * message next to its field. Nothing is written when one is thrown.
 */
import type { ZodError } from 'zod';

export type StoreErrorCode =
  | 'invalid' // the record does not pass its schema
  | 'missing-reference' // it names a person, unit or trip that does not exist
  | 'referenced' // it cannot be deleted while other records point at it
  | 'not-found'
  | 'forbidden' // the signed-in operator's role may not do this (only an administrator may)
  | 'storage'; // IndexedDB refused (disk full, database blocked or newer than this app)

export interface FieldIssue {
  /** Path into the record, e.g. ['to'] or ['reportedTo', 0]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const NEWER_DATABASE_MESSAGE = '数据由更新版本的会文写入，当前版本无法打开。请安装最新版本的会文。';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

interface IssueLike {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly maximum?: unknown;
  readonly minimum?: unknown;
  readonly keys?: readonly string[];
}

/** Zod's built-in messages are English; schema authors wrote Chinese ones where it matters. Keep those. */
export function chineseIssueMessage(issue: IssueLike): string {
  if (HAS_CHINESE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? '此项必填' : '格式不正确';
    case 'too_big':
      return `内容过长或过大（上限 ${String(issue.maximum)}）`;
    case 'too_small':
      return `内容过短或过小（下限 ${String(issue.minimum)}）`;
    case 'invalid_value':
      return '请从列表中选择';
    case 'unrecognized_keys':
      return `含有不认识的字段：${(issue.keys ?? []).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '内容不正确，请检查后重试';
  }
}

export function fromZodError(error: ZodError, what: string, labels: Readonly<Record<string, string>> = {}): StoreError {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: chineseIssueMessage(i as IssueLike),
  }));
  const lines = issues.map((i) => {
    const field = typeof i.path[0] === 'string' ? (labels[i.path[0]] ?? i.path[0]) : undefined;
    return field ? `${field}：${i.message}` : i.message;
  });
  return new StoreError('invalid', `${what}未保存：${lines.join('；')}`, issues);
}

/** Wraps whatever IndexedDB threw into a message that says nothing was changed and what to try. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(e))) {
    return new StoreError('storage', '保存失败：本机存储空间不足。请清理磁盘空间后重试，本次操作未改动任何数据。');
  }
  if (name === 'VersionError') return new StoreError('storage', NEWER_DATABASE_MESSAGE);
  return new StoreError(
    'storage',
    `保存失败，本次操作未改动任何数据。请重试；如仍失败，请重启会文。（${name || '未知错误'}）`,
  );
}
