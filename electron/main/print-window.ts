/**
 * Printing a PDF in Electron: a hidden, sandboxed window in its own session shows the file (from the data
 * folder's print/ only) in Chromium's PDF viewer, and `webContents.print` opens the OS print dialog on
 * exactly its pages. The session refuses every request but that one file, so the viewer can load nothing
 * else. The Electron objects are passed in so this stays a plain module (index.ts wires the real ones).
 */
import { pathToFileURL } from 'node:url';
import type { PrintOptions } from '../../shared/ipc';

export interface PrintWebContents {
  once(event: 'did-finish-load', listener: () => void): unknown;
  once(event: 'did-fail-load', listener: () => void): unknown;
  print(
    options: {
      silent: boolean;
      printBackground: boolean;
      duplexMode: 'simplex' | 'longEdge' | 'shortEdge';
      pageSize: 'A4';
      margins: { marginType: 'none' };
    },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

export interface PrintWindow {
  readonly webContents: PrintWebContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export interface PrintSession {
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

export const DUPLEX_MODES = {
  simplex: 'simplex',
  'long-edge': 'longEdge',
  'short-edge': 'shortEdge',
} as const satisfies Record<PrintOptions['duplex'], 'simplex' | 'longEdge' | 'shortEdge'>;

/** Chromium's PDF viewer runs as a built-in extension; its resources are the only other thing it loads. */
const PDF_VIEWER = /^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;

/**
 * Returns the `printFile` handler dependency: opens `file` in a hidden window made by `makeWindow` (which
 * must enable `plugins` for the PDF viewer and use `session`), prints, and closes the window.
 */
export function createPdfPrinter(
  session: PrintSession,
  makeWindow: (title: string) => PrintWindow,
): (file: string, options: PrintOptions) => Promise<boolean> {
  let allowedUrl: string | undefined;
  session.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url === allowedUrl || PDF_VIEWER.test(details.url)) });
  });
  return async (file, options) => {
    const url = pathToFileURL(file).href;
    allowedUrl = url;
    const window = makeWindow(options.jobName);
    try {
      await new Promise<void>((resolve, reject) => {
        window.webContents.once('did-finish-load', () => resolve());
        window.webContents.once('did-fail-load', () => reject(new Error('print window failed to load')));
        void window.loadURL(url).catch(reject);
      });
      return await new Promise<boolean>((resolve, reject) => {
        window.webContents.print(
          {
            silent: false,
            printBackground: true,
            duplexMode: DUPLEX_MODES[options.duplex],
            pageSize: 'A4',
            margins: { marginType: 'none' },
          },
          (success, reason) => {
            if (success) resolve(true);
            else if (/cancel/i.test(reason)) resolve(false);
            else reject(new Error(reason));
          },
        );
      });
    } finally {
      allowedUrl = undefined;
      window.destroy();
    }
  };
}
