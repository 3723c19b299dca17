/**
 * Choosing the desktop bridge. Three implementations of the same `HuiwenBridge` contract:
 * - electron: the preload's frozen `window.huiwen`;
 * - relay: Playwright's `window.__huiwenRelay`, forwarding to the real main-process handlers in Node;
 * - browser: plain Chromium, real where a browser can be (see browser-bridge.ts).
 * Everything here is pure (the globals are passed in) so the choice is unit-testable.
 */
import { IPC_METHODS } from '../../shared/ipc';
import type { HuiwenBridge, IpcMethod, IpcResult } from '../../shared/ipc';
import { transportErrorToIpcError } from './errors';
import { decodeRelay, encodeRelay } from './relay-codec';
import type { HuiwenRelay } from './relay-codec';

export type BridgeKind = 'electron' | 'relay' | 'browser';

export interface PickedBridge {
  readonly kind: BridgeKind;
  readonly bridge: HuiwenBridge;
}

type Invoke = (method: IpcMethod, args: readonly unknown[]) => Promise<unknown>;

export function isIpcResult(v: unknown): v is IpcResult<unknown> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const r = v as { ok: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/**
 * Builds a bridge from one generic invoker. A rejected call or a malformed answer means the channel
 * itself broke; it still comes back as a value so callers only ever handle `IpcResult`.
 */
export function bridgeFromInvoker(invoke: Invoke): HuiwenBridge {
  const methods: Partial<Record<IpcMethod, (...args: unknown[]) => Promise<IpcResult<unknown>>>> = {};
  for (const method of IPC_METHODS) {
    methods[method] = async (...args: unknown[]) => {
      try {
        const result = await invoke(method, args);
        return isIpcResult(result) ? result : { ok: false, error: transportErrorToIpcError() };
      } catch {
        return { ok: false, error: transportErrorToIpcError() };
      }
    };
  }
  return Object.freeze(methods) as unknown as HuiwenBridge;
}

export function createRelayBridge(relay: HuiwenRelay): HuiwenBridge {
  return bridgeFromInvoker(async (method, args) => decodeRelay(await relay(method, encodeRelay(args))));
}

/** The preload exposes a frozen object; wrap it so a rejected invoke still yields an `IpcResult`. */
export function wrapPreloadBridge(preload: HuiwenBridge): HuiwenBridge {
  return bridgeFromInvoker((method, args) =>
    (preload[method] as (...a: readonly unknown[]) => Promise<unknown>)(...args),
  );
}

export function isBridgeLike(v: unknown): v is HuiwenBridge {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return false;
  const candidate = v as Record<string, unknown>;
  return IPC_METHODS.every((m) => typeof candidate[m] === 'function');
}

export interface BridgeGlobals {
  /** `window.huiwen` as found (anything; it is checked). */
  readonly huiwen: unknown;
  /** `window.__huiwenRelay` as found. */
  readonly relay: unknown;
}

/**
 * Electron's preload wins when present (it is the real thing); then a test relay; else the browser.
 * A half-built `huiwen` object (missing methods) is ignored rather than trusted.
 */
export function pickBridge(globals: BridgeGlobals, makeBrowserBridge: () => HuiwenBridge): PickedBridge {
  if (isBridgeLike(globals.huiwen)) return { kind: 'electron', bridge: wrapPreloadBridge(globals.huiwen) };
  if (typeof globals.relay === 'function') {
    return { kind: 'relay', bridge: createRelayBridge(globals.relay as HuiwenRelay) };
  }
  return { kind: 'browser', bridge: makeBrowserBridge() };
}
