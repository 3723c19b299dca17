// The globals only renderer/platform may read (lint enforces that), and the build-time constants.
import type { HuiwenBridge } from '../../shared/ipc';
import type { HuiwenRelay } from './relay-codec';

declare global {
  interface Window {
    /** The preload's frozen bridge; present only inside Electron. */
    readonly huiwen?: HuiwenBridge;
    /** Installed by Playwright (page.exposeBinding) to reach the real main-process handlers. */
    readonly __huiwenRelay?: HuiwenRelay;
  }
  interface ImportMetaEnv {
    /** package.json version, injected by Vite `define` in the web build. */
    readonly VITE_HUIWEN_VERSION?: string;
  }
}

export {};
