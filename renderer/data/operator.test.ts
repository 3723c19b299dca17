import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import {
  currentOperator,
  requireAdmin,
  setCurrentOperator,
  setFallbackOperator,
  signedInOperator,
  subscribeOperator,
  TEST_OPERATOR,
} from './operator';

afterEach(() => {
  setCurrentOperator(undefined);
  setFallbackOperator(TEST_OPERATOR);
});

describe('operator session', () => {
  it('refuses writes when nobody is signed in and there is no fallback', () => {
    setFallbackOperator(undefined);
    expect(() => currentOperator()).toThrow(StoreError);
    expect(() => currentOperator()).toThrow(/尚未登录/);
  });

  it('attributes writes to the signed-in operator and tells listeners', () => {
    const seen: (string | undefined)[] = [];
    const stop = subscribeOperator((op) => seen.push(op?.name));
    setCurrentOperator({ id: 'o1', name: '李文书', role: 'clerk' });
    expect(currentOperator().name).toBe('李文书');
    expect(signedInOperator()?.id).toBe('o1');
    setCurrentOperator(undefined);
    stop();
    setCurrentOperator({ id: 'o2', name: '王', role: 'admin' });
    expect(seen).toEqual(['李文书', undefined]);
  });

  it('requireAdmin lets an administrator through and refuses a clerk in Chinese', () => {
    setCurrentOperator({ id: 'a', name: '张管理', role: 'admin' });
    expect(requireAdmin('管理印章').id).toBe('a');
    setCurrentOperator({ id: 'c', name: '李文书', role: 'clerk' });
    expect(() => requireAdmin('管理印章')).toThrow(/只有管理员可以管理印章/);
    expect(() => requireAdmin('管理印章')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
