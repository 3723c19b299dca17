/**
 * Who is writing: the operator signed in on this page. Every audit entry takes its operator from
 * `currentOperator()`, and admin-only writes guard themselves with `requireAdmin()`, so this module is the one
 * place that knows the session. The session is in memory only: a reload signs out (the sign-in screen shows).
 */
import { StoreError } from './errors';

export type OperatorRole = 'admin' | 'clerk';

export const ROLE_LABELS: Readonly<Record<OperatorRole, string>> = { admin: '管理员', clerk: '文书' };

export interface Operator {
  readonly id: string;
  readonly name: string;
  readonly role: OperatorRole;
}

/**
 * Unit tests of repositories run without a sign-in screen; under vitest (mode "test") writes fall back to
 * this operator. Production and e2e builds have no fallback: a write without a signed-in operator throws.
 */
export const TEST_OPERATOR: Operator = { id: 'admin', name: '系统管理员', role: 'admin' };

let signedIn: Operator | undefined;
let fallback: Operator | undefined = import.meta.env.MODE === 'test' ? TEST_OPERATOR : undefined;
const listeners = new Set<(op: Operator | undefined) => void>();

export const NOT_SIGNED_IN_MESSAGE = '尚未登录，本次操作未保存。请先登录后再操作。';

/** Signs `operator` in (or out with undefined). Only the sign-in flow of features/operators calls this. */
export function setCurrentOperator(operator: Operator | undefined): void {
  signedIn = operator;
  for (const l of listeners) l(operator);
}

/** The signed-in operator, or undefined (no fallback): for UI that shows who is signed in. */
export function signedInOperator(): Operator | undefined {
  return signedIn;
}

/** Test-only: replace (or remove with undefined) the vitest fallback operator. */
export function setFallbackOperator(operator: Operator | undefined): void {
  fallback = operator;
}

/** Calls `listener` whenever someone signs in or out; returns the unsubscribe function. */
export function subscribeOperator(listener: (op: Operator | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The operator every write is attributed to. Throws when nobody is signed in: no anonymous writes. */
export function currentOperator(): Operator {
  const op = signedIn ?? fallback;
  if (!op) throw new StoreError('invalid', NOT_SIGNED_IN_MESSAGE);
  return op;
}

export const isAdmin = (op: Operator | undefined): boolean => op?.role === 'admin';

/**
 * Guards an admin-only write (accounts, seals, the registry). `action` is what was attempted, in Chinese
 * ("修改人员与单位"), so the clerk reads "只有管理员可以修改人员与单位……". Returns the admin for the audit entry.
 */
export function requireAdmin(action: string): Operator {
  const op = currentOperator();
  if (op.role !== 'admin') {
    throw new StoreError(
      'forbidden',
      `只有管理员可以${action}。当前登录的是文书“${op.name}”，本次操作未保存；请由管理员登录后办理。`,
    );
  }
  return op;
}
