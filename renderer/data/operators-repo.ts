/**
 * Local operator accounts: first-run administrator, sign-in with lockout, and the administrator's account
 * management. Passwords are PBKDF2-SHA256 (WebCrypto) with 600 000 iterations (OWASP 2023) and a 16-byte
 * random salt; the stored parameters let a later, stronger setting upgrade a hash at the next sign-in.
 *
 * Account changes (creation, role, password reset, disable/enable) go through `auditedWrite`. Failed sign-ins
 * and lockouts only update the account row: they are security state, not office records.
 */
import { z } from 'zod';
import { shanghaiTimestamp } from '../../shared/audit';
import { auditedWrite } from './audited';
import type { HuiwenDb, OperatorRow, PasswordHashRow } from './db';
import { fromZodError, StoreError } from './errors';
import { requireAdmin, type Operator, type OperatorRole } from './operator';

export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_LOCK_META_KEY = 'idleLockMinutes';
export const DEFAULT_IDLE_MINUTES = 10;
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

/** What the UI sees of an account: never the password hash. */
export interface OperatorAccount extends Operator {
  readonly disabled: boolean;
  readonly createdAt: string;
  /** ISO instant until which sign-in is refused, when locked now. */
  readonly lockedUntil: string | null;
}

export type SignInResult =
  | { readonly ok: true; readonly operator: Operator }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'wrong-password' | 'locked' | 'disabled';
      readonly message: string;
    };

const FIELD_LABELS: Readonly<Record<string, string>> = { name: '名字', role: '角色', password: '密码' };

export const operatorNameSchema = z
  .string({ error: '请填写名字' })
  .trim()
  .min(1, '请填写名字')
  .max(20, '名字不超过 20 个字')
  .refine((s) => !/\s/.test(s), '名字中不能有空格');

export const passwordSchema = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码不超过 128 位');

export const roleSchema = z.enum(['admin', 'clerk'], { error: '请选择角色：管理员或文书' });

export const newOperatorSchema = z.object({ name: operatorNameSchema, role: roleSchema, password: passwordSchema });
export const firstAdminSchema = z.object({ name: operatorNameSchema, password: passwordSchema });

export const idleMinutesSchema = z
  .number({ error: '请填写分钟数' })
  .int('请填写整数分钟')
  .min(MIN_IDLE_MINUTES, `锁屏时间至少 ${MIN_IDLE_MINUTES} 分钟`)
  .max(MAX_IDLE_MINUTES, `锁屏时间不超过 ${MAX_IDLE_MINUTES} 分钟`);

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, what, FIELD_LABELS);
  return result.data;
}

// --- Password hashing -------------------------------------------------------------------------------------

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(
  password: string,
  iterations: number = PBKDF2_ITERATIONS,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
): Promise<PasswordHashRow> {
  const hash = await pbkdf2(password, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Compares every byte whatever differs first, so timing does not tell how much of a guess was right. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(password: string, stored: PasswordHashRow): Promise<boolean> {
  const actual = await pbkdf2(password, fromBase64(stored.salt), stored.iterations);
  return constantTimeEqual(actual, fromBase64(stored.hash));
}

// --- Repository ---------------------------------------------------------------------------------------------

export interface OperatorsRepository {
  /** True when at least one account exists (otherwise the first-run screen shows). */
  hasAny(): Promise<boolean>;
  list(): Promise<OperatorAccount[]>;
  /** First run only: creates the administrator, who is the actor of their own creation in the audit trail. */
  createFirstAdmin(input: { name: string; password: string }): Promise<Operator>;
  /** Checks the password; counts failures and locks the account after MAX_FAILED_ATTEMPTS. */
  signIn(name: string, password: string): Promise<SignInResult>;
  create(input: { name: string; role: OperatorRole; password: string }): Promise<OperatorAccount>;
  resetPassword(id: string, password: string): Promise<void>;
  setRole(id: string, role: OperatorRole): Promise<void>;
  setDisabled(id: string, disabled: boolean): Promise<void>;
  idleMinutes(): Promise<number>;
  setIdleMinutes(minutes: number): Promise<void>;
}

export interface OperatorsRepositoryOptions {
  readonly now?: () => Date;
  /** Tests lower it to keep the suite fast; the app always uses PBKDF2_ITERATIONS. */
  readonly iterations?: number;
}

const toOperator = (row: OperatorRow): Operator => ({ id: row.id, name: row.name, role: row.role });

export function operatorsRepository(db: HuiwenDb, options: OperatorsRepositoryOptions = {}): OperatorsRepository {
  const now = options.now ?? (() => new Date());
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;

  const toAccount = (row: OperatorRow): OperatorAccount => ({
    ...toOperator(row),
    disabled: row.disabled,
    createdAt: row.createdAt,
    lockedUntil: row.lockedUntil !== null && Date.parse(row.lockedUntil) > now().getTime() ? row.lockedUntil : null,
  });

  const byName = (name: string) => db.operators.where('name').equals(name).first();

  async function mustGet(id: string): Promise<OperatorRow> {
    const row = await db.operators.get(id);
    if (!row) throw new StoreError('not-found', '找不到这个操作员，可能已被其他人修改。请刷新后重试。');
    return row;
  }

  /** Refuses a change that would leave no active administrator (nobody could manage accounts any more). */
  async function assertAnotherAdmin(id: string, what: string): Promise<void> {
    const others = await db.operators.where('role').equals('admin').filter((r) => !r.disabled && r.id !== id).count();
    if (others === 0) {
      throw new StoreError('invalid', `不能${what}：这是唯一在用的管理员。请先新增另一位管理员。`);
    }
  }

  async function update(
    id: string,
    context: string,
    change: (row: OperatorRow) => OperatorRow,
    actor?: Operator,
  ): Promise<void> {
    await auditedWrite(db, [db.operators], { context, now, operator: actor }, async (log) => {
      const before = await mustGet(id);
      const after = change(before);
      await db.operators.put(after);
      log.record('update', 'operators', id, before, after);
    });
  }

  return {
    hasAny: async () => (await db.operators.count()) > 0,
    list: async () => (await db.operators.orderBy('name').toArray()).map(toAccount),

    async createFirstAdmin(input) {
      const { name, password } = parse(firstAdminSchema, input, '管理员');
      const hash = await hashPassword(password, iterations);
      const row: OperatorRow = {
        id: crypto.randomUUID(),
        name,
        role: 'admin',
        password: hash,
        disabled: false,
        createdAt: shanghaiTimestamp(now()),
        failedAttempts: 0,
        lockedUntil: null,
      };
      const self = toOperator(row);
      await auditedWrite(db, [db.operators], { context: '首次使用：创建管理员', now, operator: self }, async (log) => {
        // Checked inside the transaction: two windows cannot both create "the first" administrator.
        if ((await db.operators.count()) > 0) {
          throw new StoreError('invalid', '已经有操作员了，不能再次创建首位管理员。请用已有账户登录。');
        }
        await db.operators.add(row);
        log.record('create', 'operators', row.id, undefined, row);
      });
      return self;
    },

    async signIn(rawName, password) {
      const name = rawName.trim();
      const row = name ? await byName(name) : undefined;
      if (!row) return { ok: false, reason: 'unknown', message: '名字或密码不正确。请核对后重试。' };
      if (row.disabled) {
        return { ok: false, reason: 'disabled', message: `操作员“${row.name}”已停用。如需使用，请管理员重新启用。` };
      }
      const lockedMessage = (until: string) =>
        `密码连续输错 ${MAX_FAILED_ATTEMPTS} 次，账户已锁定到 ${shanghaiTimestamp(new Date(until)).slice(11, 16)}。请稍后再试，或请管理员重置密码。`;
      if (row.lockedUntil !== null && Date.parse(row.lockedUntil) > now().getTime()) {
        return { ok: false, reason: 'locked', message: lockedMessage(row.lockedUntil) };
      }
      const ok = await verifyPassword(password, row.password);
      if (!ok) {
        // Read-modify-write in one transaction: two failures at once both count.
        const result = await db.transaction('rw', db.operators, async () => {
          const current = await db.operators.get(row.id);
          if (!current) return { failures: 0, lockedUntil: null };
          const failures = current.failedAttempts + 1;
          const lockedUntil =
            failures >= MAX_FAILED_ATTEMPTS ? new Date(now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
          await db.operators.update(row.id, { failedAttempts: lockedUntil ? 0 : failures, lockedUntil });
          return { failures, lockedUntil };
        });
        if (result.lockedUntil !== null) {
          return { ok: false, reason: 'locked', message: lockedMessage(result.lockedUntil) };
        }
        const left = MAX_FAILED_ATTEMPTS - result.failures;
        return {
          ok: false,
          reason: 'wrong-password',
          message: `名字或密码不正确。再输错 ${left} 次，账户将锁定 ${LOCKOUT_MINUTES} 分钟。`,
        };
      }
      const operator = toOperator(row);
      if (row.failedAttempts !== 0 || row.lockedUntil !== null) {
        await db.operators.update(row.id, { failedAttempts: 0, lockedUntil: null });
      }
      if (row.password.iterations < iterations) {
        // The policy got stronger since this password was set: re-hash while we know the password.
        const upgraded = await hashPassword(password, iterations);
        await update(row.id, '登录时提升密码保护强度', (r) => ({ ...r, password: upgraded }), operator);
      }
      return { ok: true, operator };
    },

    async create(input) {
      requireAdmin('新增操作员');
      const { name, role, password } = parse(newOperatorSchema, input, '操作员');
      const hash = await hashPassword(password, iterations);
      const row: OperatorRow = {
        id: crypto.randomUUID(),
        name,
        role,
        password: hash,
        disabled: false,
        createdAt: shanghaiTimestamp(now()),
        failedAttempts: 0,
        lockedUntil: null,
      };
      await auditedWrite(db, [db.operators], { context: '新增操作员', now }, async (log) => {
        requireAdmin('新增操作员');
        if (await byName(name)) {
          throw new StoreError('invalid', `操作员未保存：已有名为“${name}”的操作员（含已停用的）。请换一个名字，例如加上科室。`, [
            { path: ['name'], message: '已有同名操作员' },
          ]);
        }
        await db.operators.add(row);
        log.record('create', 'operators', row.id, undefined, row);
      });
      return toAccount(row);
    },

    async resetPassword(id, password) {
      requireAdmin('重置密码');
      const valid = parse(passwordSchema, password, '新密码');
      const hash = await hashPassword(valid, iterations);
      // A reset also lifts a lockout: that is what the locked-out clerk asks the administrator for.
      await update(id, '重置操作员密码', (r) => ({ ...r, password: hash, failedAttempts: 0, lockedUntil: null }));
    },

    async setRole(id, role) {
      requireAdmin('更改操作员角色');
      const valid = parse(roleSchema, role, '角色');
      if (valid !== 'admin') await assertAnotherAdmin(id, '改为文书');
      await update(id, '更改操作员角色', (r) => ({ ...r, role: valid }));
    },

    async setDisabled(id, disabled) {
      const self = requireAdmin(disabled ? '停用操作员' : '启用操作员');
      if (disabled) {
        if (id === self.id) throw new StoreError('invalid', '不能停用自己。请由另一位管理员办理。');
        await assertAnotherAdmin(id, '停用');
      }
      await update(id, disabled ? '停用操作员' : '重新启用操作员', (r) => ({ ...r, disabled }));
    },

    async idleMinutes() {
      const row = await db.meta.get(IDLE_LOCK_META_KEY);
      const parsed = idleMinutesSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
    },

    async setIdleMinutes(minutes) {
      requireAdmin('设置锁屏时间');
      const value = parse(idleMinutesSchema, minutes, '锁屏时间');
      await auditedWrite(db, [db.meta], { context: '设置锁屏时间', now }, async (log) => {
        const before = await db.meta.get(IDLE_LOCK_META_KEY);
        const after = { key: IDLE_LOCK_META_KEY, value };
        await db.meta.put(after);
        log.record(before ? 'update' : 'create', 'meta', IDLE_LOCK_META_KEY, before, after);
      });
    },
  };
}
