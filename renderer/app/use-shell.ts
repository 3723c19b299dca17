/** The app's one shell-prefs store and its hook. */
import { useStore } from 'zustand';
import { createShellStore } from './shell-store';
import type { ShellState } from './shell-store';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled by policy; the shell then simply forgets prefs on reload.
    return undefined;
  }
}

export const shellStore = createShellStore(browserStorage());

export const useShell = <T>(selector: (s: ShellState) => T): T => useStore(shellStore, selector);
