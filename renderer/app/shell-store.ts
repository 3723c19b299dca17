/**
 * Shell UI preferences (one zustand slice). Persisted in localStorage: they are per-machine display
 * choices, not records, so they stay out of the IndexedDB data set and its backups.
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { StateStorage } from 'zustand/middleware';

export interface ShellPrefs {
  readonly siderCollapsed: boolean;
}

export interface ShellState extends ShellPrefs {
  setSiderCollapsed(collapsed: boolean): void;
  toggleSider(): void;
  resetPrefs(): void;
}

export const DEFAULT_SHELL_PREFS: ShellPrefs = { siderCollapsed: false };
export const SHELL_PREFS_KEY = 'huiwen.shell-prefs';

export const selectSiderCollapsed = (s: ShellState): boolean => s.siderCollapsed;
export const selectPrefs = (s: ShellState): ShellPrefs => ({ siderCollapsed: s.siderCollapsed });

/** Keeps only known, well-typed fields from whatever was stored (older or hand-edited values). */
export function sanitizePrefs(stored: unknown): ShellPrefs {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  return {
    siderCollapsed:
      typeof s.siderCollapsed === 'boolean' ? s.siderCollapsed : DEFAULT_SHELL_PREFS.siderCollapsed,
  };
}

export function createShellStore(storage: StateStorage | undefined) {
  return createStore<ShellState>()(
    persist(
      (set) => ({
        ...DEFAULT_SHELL_PREFS,
        setSiderCollapsed: (siderCollapsed) => set({ siderCollapsed }),
        toggleSider: () => set((s) => ({ siderCollapsed: !s.siderCollapsed })),
        resetPrefs: () => set({ ...DEFAULT_SHELL_PREFS }),
      }),
      {
        name: SHELL_PREFS_KEY,
        version: 1,
        storage: storage ? createJSONStorage(() => storage) : undefined,
        partialize: selectPrefs,
        merge: (persisted, current) => ({ ...current, ...sanitizePrefs(persisted) }),
      },
    ),
  );
}

export type ShellStore = ReturnType<typeof createShellStore>;
