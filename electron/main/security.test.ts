import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isNavigationAllowed,
  isRequestAllowed,
  windowOpenDecision,
  type SessionLike,
  type WebContentsLike,
} from './security';

const prod = { dev: false } as const;
const dev = { dev: true, devServerOrigin: 'http://localhost:5173' } as const;

describe('isNavigationAllowed', () => {
  it('allows our own origin only', () => {
    expect(isNavigationAllowed('app://huiwen/index.html#/meetings', prod)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://huiwen:1/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url, prod), url).toBe(false);
    }
  });
  it('allows the dev server only in development', () => {
    expect(isNavigationAllowed('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(
      isNavigationAllowed('http://localhost:5173/', { dev: false, devServerOrigin: 'http://localhost:5173' }),
    ).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it('allows app://huiwen, data: and blob: and nothing else in production', () => {
    expect(isRequestAllowed('app://huiwen/assets/a.js', prod)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', prod)).toBe(true);
    expect(isRequestAllowed('blob:app://huiwen/1234', prod)).toBe(true);
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1:8080/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'ftp://x/y',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'app://other/x.js',
      '',
    ]) {
      expect(isRequestAllowed(url, prod), url).toBe(false);
    }
  });
  it('allows devtools:// and the dev server (http + HMR socket) only in development', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('https://example.com/', dev)).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it('always denies', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

function fakeSession() {
  const recorded: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
    beforeRequest?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    spellChecker?: boolean;
  } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => void (recorded.request = h),
    setPermissionCheckHandler: (h) => void (recorded.check = h),
    setDevicePermissionHandler: (h) => void (recorded.device = h),
    setSpellCheckerEnabled: (enabled) => void (recorded.spellChecker = enabled),
    webRequest: { onBeforeRequest: (l) => void (recorded.beforeRequest = l) },
  };
  return { session, recorded };
}

describe('hardenSession', () => {
  it('denies every permission request and check, and every device', () => {
    const { session, recorded } = fakeSession();
    const logs: string[] = [];
    hardenSession(session, prod, (m) => logs.push(m));
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      recorded.request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(recorded.check!({}, permission)).toBe(false);
    }
    expect(recorded.device!({ deviceType: 'usb' })).toBe(false);
    expect(recorded.spellChecker).toBe(false);
    expect(logs.some((l) => l.includes('media'))).toBe(true);
  });

  it('cancels and logs non-app requests, lets app:// through', () => {
    const { session, recorded } = fakeSession();
    const logs: string[] = [];
    hardenSession(session, prod, (m) => logs.push(m));
    const answer = (url: string): boolean | undefined => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('app://huiwen/index.html')).toBe(false);
    expect(answer('https://example.com/track.gif')).toBe(true);
    expect(logs).toEqual(['[security] request blocked: https://example.com/track.gif']);
  });
});

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => void (openHandler = h),
  } as WebContentsLike;
  const fire = (event: string, url?: string): boolean => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('prevents navigation and redirects away from the app origin', () => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents, prod, () => {});
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'http://evil.test/')).toBe(true);
    expect(fire('will-navigate', 'file:///C:/Windows/win.ini')).toBe(true);
    expect(fire('will-navigate', 'app://huiwen/index.html#/documents')).toBe(false);
  });
  it('prevents webviews and denies window.open', () => {
    const { contents, fire, open } = fakeWebContents();
    const logs: string[] = [];
    hardenWebContents(contents, prod, (m) => logs.push(m));
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://huiwen/index.html')).toEqual({ action: 'deny' });
    expect(logs.length).toBe(3);
  });
});

describe('no shell.openExternal anywhere in electron/', () => {
  it('is absent from every source file', () => {
    const root = path.resolve(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\.openExternal\s*\(|\.openPath\s*\(/);
    }
  });
});
