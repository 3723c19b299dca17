import { describe, expect, it } from 'vitest';
import { createPdfPrinter, type PrintSession, type PrintWindow } from './print-window';

function fakes(outcome: { success: boolean; reason: string }) {
  let guard: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  const session: PrintSession = {
    webRequest: { onBeforeRequest: (l) => void (guard = l) },
    setPermissionRequestHandler: () => undefined,
  };
  const log: string[] = [];
  const allowed = (url: string): boolean => {
    let cancel = true;
    guard?.({ url }, (r) => (cancel = r.cancel));
    return !cancel;
  };
  const makeWindow = (title: string): PrintWindow => {
    const listeners = new Map<string, () => void>();
    return {
      webContents: {
        once: (event: string, l: () => void) => void listeners.set(event, l),
        print: (options, cb) => {
          log.push(`print ${options.duplexMode} ${options.pageSize}`);
          cb(outcome.success, outcome.reason);
        },
      },
      loadURL: async (url) => {
        log.push(`load ${title} ${url} allowed=${allowed(url)} other=${allowed('https://example.com/')}`);
        listeners.get('did-finish-load')?.();
      },
      destroy: () => void log.push('destroy'),
    };
  };
  return { session, makeWindow, log, allowed };
}

describe('PDF printer (Electron print window)', () => {
  it('loads only the file being printed, prints long-edge duplex and closes the window', async () => {
    const f = fakes({ success: true, reason: '' });
    const print = createPdfPrinter(f.session, f.makeWindow);
    expect(await print('/data/print/a.pdf', { duplex: 'long-edge', jobName: '会议通知' })).toBe(true);
    expect(f.log).toEqual([
      'load 会议通知 file:///data/print/a.pdf allowed=true other=false',
      'print longEdge A4',
      'destroy',
    ]);
    expect(f.allowed('file:///data/print/a.pdf')).toBe(false);
  });

  it('reports a cancelled dialog as not printed and a failure as an error', async () => {
    const cancelled = fakes({ success: false, reason: 'cancelled' });
    expect(
      await createPdfPrinter(cancelled.session, cancelled.makeWindow)('/d/p.pdf', {
        duplex: 'simplex',
        jobName: 'x',
      }),
    ).toBe(false);
    const failed = fakes({ success: false, reason: 'Print job failed' });
    await expect(
      createPdfPrinter(failed.session, failed.makeWindow)('/d/p.pdf', { duplex: 'simplex', jobName: 'x' }),
    ).rejects.toThrow('Print job failed');
    expect(failed.log.at(-1)).toBe('destroy');
  });
});
