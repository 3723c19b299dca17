/**
 * The signed-in session (one zustand store, in memory only: a reload signs out). It mirrors the operator
 * into renderer/data/operator.ts, which is what every write asks for its audit entry.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { DEFAULT_IDLE_MINUTES } from '../../data/operators-repo';
import { setCurrentOperator, type Operator } from '../../data/operator';

export type SessionPhase =
  | 'checking' // looking whether any operator exists
  | 'first-run' // no operator yet: create the administrator
  | 'signed-out'
  | 'signed-in';

export interface SessionState {
  readonly phase: SessionPhase;
  readonly operator: Operator | undefined;
  /** Screen locked (idle or 锁定): the data is hidden until the same operator's password is entered. */
  readonly locked: boolean;
  readonly idleMinutes: number;
  /** A message for the sign-in screen (e.g. why the lock screen sent the operator back there). */
  readonly notice: string | undefined;
  setPhase(phase: 'first-run' | 'signed-out'): void;
  signedIn(operator: Operator, idleMinutes: number): void;
  signOut(notice?: string): void;
  lock(): void;
  unlock(): void;
  setIdleMinutes(minutes: number): void;
}

export function createSessionStore() {
  return createStore<SessionState>()((set) => ({
    phase: 'checking',
    operator: undefined,
    locked: false,
    idleMinutes: DEFAULT_IDLE_MINUTES,
    notice: undefined,
    setPhase: (phase) => set({ phase }),
    signedIn: (operator, idleMinutes) => {
      setCurrentOperator(operator);
      set({ phase: 'signed-in', operator, locked: false, idleMinutes, notice: undefined });
    },
    signOut: (notice) => {
      setCurrentOperator(undefined);
      set({ phase: 'signed-out', operator: undefined, locked: false, notice });
    },
    lock: () => set((s) => (s.phase === 'signed-in' ? { locked: true } : {})),
    unlock: () => set({ locked: false }),
    setIdleMinutes: (idleMinutes) => set({ idleMinutes }),
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The app's session. */
export const sessionStore = createSessionStore();

export const useSession = <T>(selector: (s: SessionState) => T): T => useStore(sessionStore, selector);

const LAST_NAME_KEY = 'huiwen.last-operator';

/** The name last signed in on this PC, to prefill the sign-in form (a convenience, not a secret). */
export function lastOperatorName(storage: Pick<Storage, 'getItem'> | undefined): string {
  try {
    return storage?.getItem(LAST_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberOperatorName(storage: Pick<Storage, 'setItem'> | undefined, name: string): void {
  try {
    storage?.setItem(LAST_NAME_KEY, name);
  } catch {
    // Storage disabled by policy: the name is simply not prefilled next time.
  }
}

/** True when an administrator is signed in: admin-only actions (registry, seals, accounts) show only then. */
export const useIsAdmin = (): boolean => useSession((s) => s.operator?.role === 'admin');

/** Shown to a 文书 on admin-only pages. */
export const ADMIN_ONLY_NOTICE = '您以文书身份登录：这里只能查看。新增、修改或删除请由管理员办理。';
