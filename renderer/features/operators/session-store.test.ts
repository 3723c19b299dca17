import { afterEach, describe, expect, it } from 'vitest';
import { currentOperator, setFallbackOperator, signedInOperator, TEST_OPERATOR } from '../../data/operator';
import { createSessionStore, lastOperatorName, rememberOperatorName } from './session-store';

afterEach(() => setFallbackOperator(TEST_OPERATOR));

describe('session store', () => {
  it('signing in makes the operator the author of writes; signing out removes them', () => {
    setFallbackOperator(undefined);
    const s = createSessionStore();
    s.getState().signedIn({ id: 'c1', name: '李文书', role: 'clerk' }, 5);
    expect(s.getState()).toMatchObject({ phase: 'signed-in', idleMinutes: 5, locked: false });
    expect(currentOperator().name).toBe('李文书');
    s.getState().signOut('已退出');
    expect(s.getState()).toMatchObject({ phase: 'signed-out', notice: '已退出', operator: undefined });
    expect(signedInOperator()).toBeUndefined();
    expect(() => currentOperator()).toThrow(/尚未登录/);
  });

  it('locks only a signed-in session and unlocks it', () => {
    const s = createSessionStore();
    s.getState().lock();
    expect(s.getState().locked).toBe(false);
    s.getState().signedIn({ id: 'a', name: '张管理', role: 'admin' }, 10);
    s.getState().lock();
    expect(s.getState().locked).toBe(true);
    s.getState().unlock();
    expect(s.getState().locked).toBe(false);
    s.getState().signOut();
  });

  it('remembers the last name, and survives storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    rememberOperatorName(storage, '李文书');
    expect(lastOperatorName(storage)).toBe('李文书');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(lastOperatorName(broken)).toBe('');
    expect(() => rememberOperatorName(broken, 'x')).not.toThrow();
  });
});
