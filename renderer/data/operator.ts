/**
 * Who is writing. TODO(issue 4, operator accounts): replace this constant with the signed-in operator; every
 * audit entry takes its operator from here, so this is the only place to change.
 */
export interface Operator {
  readonly id: string;
  readonly name: string;
}

export const PLACEHOLDER_OPERATOR: Operator = { id: 'admin', name: '系统管理员' };

export function currentOperator(): Operator {
  return PLACEHOLDER_OPERATOR;
}
