import { describe, expect, it } from 'vitest';
import { IPC_METHODS } from '../../shared/ipc';
import type { HuiwenBridge, IpcResult } from '../../shared/ipc';
import { bridgeFromInvoker, isBridgeLike, isIpcResult, pickBridge } from './bridge';
import { decodeRelay, encodeRelay } from './relay-codec';

const okEverywhere = (tag: string): HuiwenBridge =>
  Object.fromEntries(
    IPC_METHODS.map((m) => [m, async () => ({ ok: true, value: `${tag}:${m}` })]),
  ) as unknown as HuiwenBridge;

const neverBrowser = (): HuiwenBridge => {
  throw new Error('browser bridge must not be built here');
};

describe('pickBridge', () => {
  it('uses the preload bridge inside Electron, even when a relay is also present', async () => {
    const picked = pickBridge({ huiwen: okEverywhere('electron'), relay: async () => '' }, neverBrowser);
    expect(picked.kind).toBe('electron');
    expect(await picked.bridge.appInfo()).toEqual({ ok: true, value: 'electron:appInfo' });
  });

  it('uses the Playwright relay when there is no preload bridge', async () => {
    const calls: [string, unknown][] = [];
    const relay = async (method: string, encodedArgs: string): Promise<string> => {
      calls.push([method, decodeRelay(encodedArgs)]);
      return encodeRelay({ ok: true, value: { saved: true, displayPath: '/tmp/x.json' } });
    };
    const picked = pickBridge({ huiwen: undefined, relay }, neverBrowser);
    expect(picked.kind).toBe('relay');
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const result = await picked.bridge.saveFile('x.json', bytes, [{ name: 'JSON', extensions: ['json'] }]);
    expect(result).toEqual({ ok: true, value: { saved: true, displayPath: '/tmp/x.json' } });
    expect(calls).toEqual([['saveFile', ['x.json', bytes, [{ name: 'JSON', extensions: ['json'] }]]]]);
  });

  it('falls back to the browser bridge when neither is there', () => {
    const browser = okEverywhere('browser');
    const picked = pickBridge({ huiwen: undefined, relay: undefined }, () => browser);
    expect(picked).toEqual({ kind: 'browser', bridge: browser });
  });

  it('ignores a half-built huiwen object instead of trusting it', () => {
    const partial = { appInfo: async () => ({ ok: true, value: 1 }) };
    expect(isBridgeLike(partial)).toBe(false);
    expect(pickBridge({ huiwen: partial, relay: 'not a function' }, () => okEverywhere('b')).kind).toBe(
      'browser',
    );
  });
});

describe('bridgeFromInvoker', () => {
  it('exposes exactly the contract methods, frozen', () => {
    const bridge = bridgeFromInvoker(async () => ({ ok: true, value: null }));
    expect(Object.keys(bridge).sort()).toEqual([...IPC_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('turns a rejected call or a malformed answer into a Chinese internal error, never a throw', async () => {
    const rejecting = bridgeFromInvoker(async () => {
      throw new Error('boom');
    });
    const malformed = bridgeFromInvoker(async () => ({ whatever: true }));
    for (const bridge of [rejecting, malformed]) {
      const r = await bridge.listRemovableDrives();
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('internal');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('passes error results through unchanged', async () => {
    const error: IpcResult<never> = {
      ok: false,
      error: { code: 'not-granted', message: '请重新选择文件夹' },
    };
    const bridge = bridgeFromInvoker(async () => error);
    expect(await bridge.writeFilesAtomic('x', [])).toEqual(error);
  });
});

describe('isIpcResult', () => {
  it('accepts both shapes and rejects look-alikes', () => {
    expect(isIpcResult({ ok: true, value: undefined })).toBe(true);
    expect(isIpcResult({ ok: false, error: { code: 'io-failed', message: '失败' } })).toBe(true);
    expect(isIpcResult({ ok: true })).toBe(false);
    expect(isIpcResult({ ok: false, error: 'x' })).toBe(false);
    expect(isIpcResult({ ok: false, error: { code: 1, message: '' } })).toBe(false);
    expect(isIpcResult(null)).toBe(false);
  });
});
