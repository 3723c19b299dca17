/**
 * What a step's findings mean for its button (pure, so it is tested without React): any `block` disables the
 * step and its messages are the reason; `warn` findings must be acknowledged with a reason that goes into the
 * audit entry; `info` is only shown.
 */
import { citeArticles, type Finding, type Severity } from '../../../shared/domain/findings';

export interface Gate {
  readonly blocked: boolean;
  /** Why the step is disabled: the blocking messages, one per line; empty when not blocked. */
  readonly reason: string;
  readonly blocks: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly infos: readonly Finding[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['block', 'warn', 'info'];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  block: '不能继续',
  warn: '需说明理由',
  info: '提示',
};

/** antd Alert type and Tag colour per severity. */
export const SEVERITY_TONE: Readonly<
  Record<Severity, { readonly alert: 'error' | 'warning' | 'info'; readonly tag: string }>
> = {
  block: { alert: 'error', tag: 'red' },
  warn: { alert: 'warning', tag: 'orange' },
  info: { alert: 'info', tag: 'blue' },
};

export function gateOf(findings: readonly Finding[]): Gate {
  const blocks = findings.filter((f) => f.severity === 'block');
  return {
    blocked: blocks.length > 0,
    reason: blocks.map((f) => `${f.message}（${citeArticles(f.articles)}）`).join('\n'),
    blocks,
    warnings: findings.filter((f) => f.severity === 'warn'),
    infos: findings.filter((f) => f.severity === 'info'),
  };
}

/** Findings grouped by severity, most serious first; empty groups left out. */
export function groupBySeverity(
  findings: readonly Finding[],
): { readonly severity: Severity; readonly findings: readonly Finding[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
}

/** A trimmed override reason is required and must say something (not just punctuation). */
export function overrideReasonError(reason: string): string | undefined {
  const r = reason.trim();
  if (r === '') return '请填写继续办理的理由，理由将记入操作记录。';
  if (r.replace(/[\p{P}\p{S}\s]/gu, '').length < 2) return '理由过短，请写明为什么可以继续（至少两个字）。';
  return undefined;
}

/**
 * The audit context of a step taken over warnings: the action, the reason, and which rules were overridden,
 * so the audit viewer shows who continued past what and why.
 */
export function auditContext(action: string, warnings: readonly Finding[], reason?: string): string {
  if (warnings.length === 0 || reason === undefined) return action;
  const rules = [...new Set(warnings.map((w) => w.ruleId))].join('、');
  return `${action}（已说明理由继续：${reason.trim()}；所涉提示：${rules}）`;
}
