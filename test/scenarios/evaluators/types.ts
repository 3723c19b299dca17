/**
 * The contract between the scenario runner and the evaluators. A scenario's `subject.kind` names the
 * evaluator module `./<kind>.ts`, which exports `evaluate`; the runner loads it by name, so each area adds its
 * evaluator without touching the runner.
 */
import type { Finding, Registry, WorkingDays } from '../../../shared/domain';

export interface EvaluationContext {
  readonly registry: Registry;
  readonly calendar: WorkingDays;
}

export interface Evaluation {
  /** Everything the rules said about the subject. */
  readonly findings: readonly Finding[];
  /** Computed facts (due dates, required signers, acting persons …) compared with `expect.values`. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Validates its own subject (zod) and throws a clear error for a malformed one. */
export type Evaluate = (subject: unknown, ctx: EvaluationContext) => Evaluation;
