/**
 * Deny-by-default policies for the session and every webContents. The decisions are pure functions
 * (tested directly); the installers only wire them to Electron objects typed structurally, so tests
 * pass plain recording fakes instead of mocking electron.
 *
 * There is deliberately no shell.openExternal anywhere in this app: nothing leaves the machine.
 */
import { APP_SCHEME, isAppUrl } from './origin';

export type Logger = (message: string) => void;

export interface RequestPolicyOptions {
  /** Development build: DevTools' own devtools:// pages must load. */
  readonly dev: boolean;
  /** Development only: the electron-vite dev server origin (http://localhost:5173), if used. */
  readonly devServerOrigin?: string;
}

/** Permission prompts (camera, notifications, geolocation, …): the app needs none of them. */
export const permissionRequestDecision = (): boolean => false;
/** Synchronous permission checks: same answer. */
export const permissionCheckDecision = (): boolean => false;
/** WebHID / WebUSB / serial device access. */
export const devicePermissionDecision = (): boolean => false;

/**
 * Top-level navigation may only stay inside our own origin (client-side routes, reload). Anything
 * else — a link to a website, a dropped file, a redirect — would load foreign content into a window
 * that holds the bridge, so it is prevented.
 */
export function isNavigationAllowed(url: string, options: RequestPolicyOptions): boolean {
  if (isAppUrl(url)) return true;
  return options.dev && options.devServerOrigin !== undefined && sameOrigin(url, options.devServerOrigin);
}

/** window.open / target=_blank: never; the app has one window. */
export const windowOpenDecision = (): { readonly action: 'deny' } => ({ action: 'deny' });

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

/**
 * Network-level allow list: only app:// (our files). data: and blob: are in-memory URLs the CSP
 * allows for images, fonts and the pdf.js worker; they never touch the network. devtools:// is allowed
 * only in development so DevTools can open; the dev server origin likewise.
 */
export function isRequestAllowed(url: string, options: RequestPolicyOptions): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  if (options.dev && protocol === 'devtools:') return true;
  if (options.dev && options.devServerOrigin !== undefined) {
    if (sameOrigin(url, options.devServerOrigin)) return true;
    // Vite's HMR socket lives on the same host and port.
    const ws = options.devServerOrigin.replace(/^http/, 'ws');
    if (sameOrigin(url, ws)) return true;
  }
  return false;
}

/** What a session needs to expose for hardening (Electron's `Session` satisfies it). */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { readonly url: string },
        callback: (response: { cancel?: boolean }) => void,
      ) => void,
    ): void;
  };
}

export function hardenSession(
  session: SessionLike,
  options: RequestPolicyOptions,
  log: Logger = console.warn,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[security] permission request denied: ${permission}`);
    callback(permissionRequestDecision());
  });
  session.setPermissionCheckHandler(() => permissionCheckDecision());
  session.setDevicePermissionHandler(() => devicePermissionDecision());
  // The spellchecker would download Hunspell dictionaries from a Google CDN; nothing may phone home.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, options);
    if (!allowed) log(`[security] request blocked: ${truncate(details.url)}`);
    callback({ cancel: !allowed });
  });
}

interface PreventableEvent {
  preventDefault(): void;
}

/** What a webContents needs to expose for hardening (Electron's `WebContents` satisfies it). */
export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export function hardenWebContents(
  contents: WebContentsLike,
  options: RequestPolicyOptions,
  log: Logger = console.warn,
): void {
  const guardNavigation = (event: PreventableEvent, url: string): void => {
    if (!isNavigationAllowed(url, options)) {
      event.preventDefault();
      log(`[security] navigation blocked: ${truncate(url)}`);
    }
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  // <webview> is disabled in webPreferences; this catches any attempt regardless.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[security] webview blocked');
  });
  contents.setWindowOpenHandler((details) => {
    log(`[security] window.open blocked: ${truncate(details.url)}`);
    return windowOpenDecision();
  });
}

const truncate = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);
