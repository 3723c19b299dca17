import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import {
  createShellStore,
  sanitizePrefs,
  selectPrefs,
  selectSiderCollapsed,
  SHELL_PREFS_KEY,
} from './shell-store';

class MemoryStorage implements StateStorage {
  readonly items = new Map<string, string>();
  getItem = (name: string) => this.items.get(name) ?? null;
  setItem = (name: string, value: string) => void this.items.set(name, value);
  removeItem = (name: string) => void this.items.delete(name);
}

describe('shell store', () => {
  it('toggles the sider and persists only the preferences', () => {
    const storage = new MemoryStorage();
    const store = createShellStore(storage);
    expect(selectSiderCollapsed(store.getState())).toBe(false);
    store.getState().toggleSider();
    expect(selectSiderCollapsed(store.getState())).toBe(true);
    const saved = JSON.parse(storage.items.get(SHELL_PREFS_KEY) ?? '{}') as { state: unknown };
    expect(saved.state).toEqual({ siderCollapsed: true });
  });

  it('restores saved preferences in a new store (a reload)', () => {
    const storage = new MemoryStorage();
    createShellStore(storage).getState().setSiderCollapsed(true);
    expect(selectPrefs(createShellStore(storage).getState())).toEqual({ siderCollapsed: true });
  });

  it('resets to the defaults', () => {
    const store = createShellStore(new MemoryStorage());
    store.getState().setSiderCollapsed(true);
    store.getState().resetPrefs();
    expect(selectPrefs(store.getState())).toEqual({ siderCollapsed: false });
  });

  it('ignores junk in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      SHELL_PREFS_KEY,
      JSON.stringify({ state: { siderCollapsed: 'yes', evil: 1 }, version: 1 }),
    );
    expect(selectPrefs(createShellStore(storage).getState())).toEqual({ siderCollapsed: false });
    expect(sanitizePrefs(null)).toEqual({ siderCollapsed: false });
  });
});
