/**
 * The app's one origin. The renderer is served from `app://huiwen/`, never from file:// or http://.
 *
 * NEVER CHANGE these values: IndexedDB (every meeting, document and register) is stored per origin,
 * so a different scheme or host would open an empty database and the clerk's data would seem lost.
 */
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'huiwen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is exactly our origin (same scheme and host; no port, no credentials). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Privileges for `protocol.registerSchemesAsPrivileged` (must run before `app` is ready).
 * standard: real origin, so IndexedDB/localStorage work and relative URLs resolve;
 * secure: treated like https (secure context APIs such as crypto.subtle);
 * supportFetchAPI + stream: the renderer fetches fonts/resources and pdf.js streams them.
 * Deliberately NOT bypassCSP (our CSP header must apply), no service workers, no CORS (single origin).
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    codeCache: true,
  },
};
