/**
 * renderer/platform: the only code that touches the desktop bridge. Components use `usePlatform()`;
 * non-React code may call `getBridge()`.
 */
import type { HuiwenBridge } from '../../shared/ipc';
import { pickBridge } from './bridge';
import type { PickedBridge } from './bridge';
import { createBrowserBridge } from './browser-bridge';
import { realBrowserEnv } from './browser-env';

let picked: PickedBridge | undefined;

/** Chosen once per page load: the bridge cannot appear or vanish while the page lives. */
export function getPlatform(): PickedBridge {
  picked ??= pickBridge({ huiwen: window.huiwen, relay: window.__huiwenRelay }, () =>
    createBrowserBridge(realBrowserEnv()),
  );
  return picked;
}

export const getBridge = (): HuiwenBridge => getPlatform().bridge;

export type { BridgeKind, PickedBridge } from './bridge';
export { PlatformProvider, usePlatform, useBridge } from './PlatformProvider';
