/**
 * The test relay: installs `window.__huiwenRelay` in the page, forwarding each bridge call to the REAL
 * main-process code (`invokeValidated` over `createHandlers`) running here in Node, with fake dialogs.
 * Arguments and results cross as JSON via the same codec the page uses (renderer/platform/relay-codec.ts).
 *
 * Sender: the preview serves the renderer from http://127.0.0.1:4173 instead of app://huiwen, so a main
 * frame on the preview origin is presented to the gate as the same path under app://huiwen/; any other
 * frame keeps its real URL and the gate refuses it, exactly as in Electron.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createHandlers } from '../../electron/main/handlers';
import type { HandlerDeps } from '../../electron/main/handlers';
import { invokeValidated } from '../../electron/main/ipc';
import type { SenderInfo } from '../../electron/main/ipc';
import { APP_ORIGIN } from '../../electron/main/origin';
import type { AppInfo } from '../../shared/ipc';
import { decodeRelay, encodeRelay, RELAY_GLOBAL } from '../../renderer/platform/relay-codec';

export interface RelayCall {
  readonly method: string;
  readonly sender: SenderInfo;
  readonly ok: boolean;
}

export function senderFor(frameUrl: string, isMainFrame: boolean, previewOrigin: string): SenderInfo {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return { frameUrl, isMainFrame };
  }
  if (url.origin !== previewOrigin) return { frameUrl, isMainFrame };
  return { frameUrl: `${APP_ORIGIN}${url.pathname}${url.search}${url.hash}`, isMainFrame };
}

/** Must be called before `page.goto`: the bridge is picked once when the page loads. */
export async function installRelay(
  page: Page,
  deps: HandlerDeps,
  previewOrigin: string,
): Promise<RelayCall[]> {
  const handlers = createHandlers(deps);
  const calls: RelayCall[] = [];
  const logged: unknown[] = [];
  await page.exposeBinding(RELAY_GLOBAL, async (source, method: string, encodedArgs: string) => {
    const sender = senderFor(source.frame.url(), source.frame.parentFrame() === null, previewOrigin);
    const result = await invokeValidated(handlers, method, decodeRelay(encodedArgs), sender, (...e) =>
      logged.push(e),
    );
    calls.push({ method, sender, ok: result.ok });
    return encodeRelay(result);
  });
  return calls;
}

/** The relay to the real handlers, with a data folder (backups, audit-head.json) and a fake USB stick. */
/** What main's appInfo answers in these tests: an Electron shell whose data folder is `dataLocation`. */
export function e2eAppInfo(dataLocation: string, version = '0.1.0-e2e'): AppInfo {
  return {
    name: 'huiwen',
    productName: '会文',
    version,
    shell: 'electron',
    versions: { node: process.versions.node },
    platform: process.platform,
    dataLocation,
    origin: APP_ORIGIN,
  };
}

export async function relayWithDataFolder(page: Page, appOrigin: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'huiwen-backup-e2e-'));
  const userData = path.join(dir, 'userData');
  const usb = path.join(dir, 'U盘');
  await mkdir(usb, { recursive: true });
  const appInfo = e2eAppInfo(userData);
  await installRelay(
    page,
    {
      appInfo: () => appInfo,
      pickFolder: async () => usb,
      pickSavePath: async (name) => path.join(dir, name),
      pickOpenPath: async () => null,
      userDataDir: userData,
    },
    appOrigin,
  );
  return { dir, userData, usb, backups: path.join(userData, 'backups') };
}
