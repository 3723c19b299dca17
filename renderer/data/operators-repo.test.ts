import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit';
import { openStore } from './index';
import { setCurrentOperator, setFallbackOperator, TEST_OPERATOR, type Operator } from './operator';
import {
  constantTimeEqual,
  DEFAULT_IDLE_MINUTES,
  hashPassword,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
  operatorsRepository,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from './operators-repo';

const PASSWORD = 'huiwen-2026';

/** A store whose clock the test moves by hand; few PBKDF2 iterations keep the suite fast. */
async function setup(iterations = 1_000) {
  let t = new Date('2026-03-02T09:00:00+08:00').getTime();
  const clock = {
    now: () => new Date(t),
    advanceMinutes: (m: number) => {
      t += m * 60_000;
    },
  };
  const store = await openStore(`operators-${Math.random()}`, clock.now);
  const repo = operatorsRepository(store.db, { now: clock.now, iterations });
  return { store, repo, clock };
}

async function withAdmin() {
  const s = await setup();
  const admin = await s.repo.createFirstAdmin({ name: '张管理', password: PASSWORD });
  setCurrentOperator(admin);
  return { ...s, admin };
}

afterEach(() => {
  setCurrentOperator(undefined);
  setFallbackOperator(TEST_OPERATOR);
});

describe('password hashing', () => {
  it('uses PBKDF2-SHA256 with 600 000 iterations and a 16-byte salt by default', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored.algorithm).toBe('PBKDF2-SHA256');
    expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(stored.salt)).toHaveLength(16);
    expect(atob(stored.hash)).toHaveLength(32);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('huiwen-2025', stored)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const a = await hashPassword(PASSWORD, 1_000);
    const b = await hashPassword(PASSWORD, 1_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('compares digests in full', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});

describe('first run', () => {
  it('creates the administrator once, audited under their own name', async () => {
    const { store, repo } = await setup();
    setFallbackOperator(undefined); // nobody signed in, as on a fresh install
    expect(await repo.hasAny()).toBe(false);
    const admin = await repo.createFirstAdmin({ name: ' 张管理 ', password: PASSWORD });
    expect(admin).toMatchObject({ name: '张管理', role: 'admin' });
    expect(await repo.hasAny()).toBe(true);
    const [entry] = await store.audit.latest(1);
    expect(entry).toMatchObject({ operatorName: '张管理', recordType: 'operators', action: 'create' });
    await expect(repo.createFirstAdmin({ name: '李四', password: PASSWORD })).rejects.toThrow(/已经有操作员/);
    store.close();
  });

  it('validates name and password with Chinese messages', async () => {
    const { store, repo } = await setup();
    await expect(repo.createFirstAdmin({ name: '', password: PASSWORD })).rejects.toThrow(/名字：请填写名字/);
    await expect(repo.createFirstAdmin({ name: '张管理', password: 'short' })).rejects.toThrow(/密码：密码至少 8 位/);
    expect(await repo.hasAny()).toBe(false);
    store.close();
  });

  it('never stores the password itself', async () => {
    const { store, repo } = await setup();
    await repo.createFirstAdmin({ name: '张管理', password: PASSWORD });
    const rows = await store.db.operators.toArray();
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    store.close();
  });
});

describe('sign-in and lockout', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    const { store, repo } = await withAdmin();
    expect(await repo.signIn('张管理', PASSWORD)).toMatchObject({ ok: true, operator: { name: '张管理', role: 'admin' } });
    expect(await repo.signIn('张管理', 'wrong-password')).toMatchObject({ ok: false, reason: 'wrong-password' });
    expect(await repo.signIn('无此人', PASSWORD)).toMatchObject({ ok: false, reason: 'unknown' });
    store.close();
  });

  it(`locks after ${MAX_FAILED_ATTEMPTS} failures for ${LOCKOUT_MINUTES} minutes, kept in the row, lifted by time or a reset`, async () => {
    const { store, repo, clock } = await withAdmin();
    const clerk = await repo.create({ name: '李文书', role: 'clerk', password: PASSWORD });
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = await repo.signIn('李文书', 'wrong-password');
      expect(r).toMatchObject({ ok: false, reason: 'wrong-password' });
      if (!r.ok) expect(r.message).toContain(`再输错 ${MAX_FAILED_ATTEMPTS - i} 次`);
    }
    const locked = await repo.signIn('李文书', 'wrong-password');
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    if (!locked.ok) expect(locked.message).toMatch(/账户已锁定到 09:15/);
    // Even the right password is refused while locked, and a fresh repository (a reload) sees the lock.
    const reloaded = operatorsRepository(store.db, { now: clock.now, iterations: 1_000 });
    expect(await reloaded.signIn('李文书', PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    expect((await reloaded.list()).find((a) => a.id === clerk.id)?.lockedUntil).not.toBeNull();

    clock.advanceMinutes(LOCKOUT_MINUTES + 1);
    expect(await reloaded.signIn('李文书', PASSWORD)).toMatchObject({ ok: true });

    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await repo.signIn('李文书', 'wrong-password');
    expect(await repo.signIn('李文书', PASSWORD)).toMatchObject({ reason: 'locked' });
    await repo.resetPassword(clerk.id, 'new-password-1');
    expect(await repo.signIn('李文书', 'new-password-1')).toMatchObject({ ok: true });
    store.close();
  });

  it('a success resets the failure count', async () => {
    const { store, repo } = await withAdmin();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await repo.signIn('张管理', 'wrong-password');
      expect(await repo.signIn('张管理', PASSWORD)).toMatchObject({ ok: true });
    }
    store.close();
  });

  it('upgrades a hash made with fewer iterations at the next sign-in', async () => {
    const { store, admin } = await withAdmin();
    const stronger = operatorsRepository(store.db, { iterations: 2_000, now: () => new Date('2026-03-02T10:00:00+08:00') });
    expect(await stronger.signIn('张管理', PASSWORD)).toMatchObject({ ok: true });
    const row = await store.db.operators.get(admin.id);
    expect(row?.password.iterations).toBe(2_000);
    expect(await stronger.signIn('张管理', PASSWORD)).toMatchObject({ ok: true });
    expect((await store.audit.latest(1))[0]).toMatchObject({ context: '登录时提升密码保护强度', operatorName: '张管理' });
    store.close();
  });

  it('refuses a disabled operator', async () => {
    const { store, repo } = await withAdmin();
    const clerk = await repo.create({ name: '李文书', role: 'clerk', password: PASSWORD });
    await repo.setDisabled(clerk.id, true);
    expect(await repo.signIn('李文书', PASSWORD)).toMatchObject({ ok: false, reason: 'disabled' });
    await repo.setDisabled(clerk.id, false);
    expect(await repo.signIn('李文书', PASSWORD)).toMatchObject({ ok: true });
    store.close();
  });
});

describe('account management', () => {
  it('only an administrator manages accounts', async () => {
    const { store, repo } = await withAdmin();
    const clerk = await repo.create({ name: '李文书', role: 'clerk', password: PASSWORD });
    const asClerk: Operator = { id: clerk.id, name: clerk.name, role: 'clerk' };
    setCurrentOperator(asClerk);
    await expect(repo.create({ name: '王五', role: 'clerk', password: PASSWORD })).rejects.toThrow(/只有管理员可以新增操作员/);
    await expect(repo.resetPassword(clerk.id, 'another-pass')).rejects.toThrow(/只有管理员可以重置密码/);
    await expect(repo.setRole(clerk.id, 'admin')).rejects.toThrow(/只有管理员/);
    await expect(repo.setIdleMinutes(3)).rejects.toThrow(/只有管理员/);
    expect(await repo.list()).toHaveLength(2);
    store.close();
  });

  it('refuses a duplicate name, even of a disabled operator', async () => {
    const { store, repo } = await withAdmin();
    const clerk = await repo.create({ name: '李文书', role: 'clerk', password: PASSWORD });
    await repo.setDisabled(clerk.id, true);
    await expect(repo.create({ name: '李文书', role: 'clerk', password: PASSWORD })).rejects.toThrow(/已有名为“李文书”/);
    store.close();
  });

  it('keeps at least one active administrator', async () => {
    const { store, repo, admin } = await withAdmin();
    await expect(repo.setRole(admin.id, 'clerk')).rejects.toThrow(/唯一在用的管理员/);
    await expect(repo.setDisabled(admin.id, true)).rejects.toThrow(/不能停用自己/);
    const second = await repo.create({ name: '赵管理', role: 'admin', password: PASSWORD });
    setCurrentOperator({ id: second.id, name: second.name, role: 'admin' });
    await repo.setDisabled(admin.id, true);
    // Now 赵管理 is the only active administrator: demoting them is refused.
    await expect(repo.setRole(second.id, 'clerk')).rejects.toThrow(/唯一在用的管理员/);
    store.close();
  });

  it('records creation, role change, reset and disable in the audit trail, naming the administrator', async () => {
    const { store, repo } = await withAdmin();
    const clerk = await repo.create({ name: '李文书', role: 'clerk', password: PASSWORD });
    await repo.setRole(clerk.id, 'admin');
    await repo.resetPassword(clerk.id, 'another-pass');
    await repo.setDisabled(clerk.id, true);
    const entries = await store.audit.forRecord('operators', clerk.id);
    expect(entries.map((e) => e.context)).toEqual(['新增操作员', '更改操作员角色', '重置操作员密码', '停用操作员']);
    expect(new Set(entries.map((e) => e.operatorName))).toEqual(new Set(['张管理']));
    expect(verifyAuditChain(await store.db.audit.orderBy('sequence').toArray())).toMatchObject({ ok: true });
    // Failed sign-ins change the row but are not audit entries.
    const before = await store.audit.count();
    await repo.signIn('张管理', 'wrong-password');
    expect(await store.audit.count()).toBe(before);
    store.close();
  });

  it('stores the idle lock minutes in meta, default 10, validated', async () => {
    const { store, repo } = await withAdmin();
    expect(await repo.idleMinutes()).toBe(DEFAULT_IDLE_MINUTES);
    await repo.setIdleMinutes(1);
    expect(await repo.idleMinutes()).toBe(1);
    await expect(repo.setIdleMinutes(0)).rejects.toThrow(/至少 1 分钟/);
    await expect(repo.setIdleMinutes(2.5)).rejects.toThrow(/整数/);
    expect(await repo.idleMinutes()).toBe(1);
    store.close();
  });
});
