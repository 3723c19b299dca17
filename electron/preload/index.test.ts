import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS } from '../../shared/ipc';

// The only mock in the electron/ tests: the preload's edge to Electron itself.
const exposeInMainWorld = vi.fn();
const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));

describe('preload', () => {
  beforeEach(async () => {
    exposeInMainWorld.mockClear();
    vi.resetModules();
    await import('./index');
  });

  it('exposes one frozen object, window.huiwen, with exactly the bridge methods', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('huiwen');
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
  });

  it('calls ipcRenderer.invoke on the method channel', async () => {
    const api = exposeInMainWorld.mock.calls[0]![1] as { listRemovableDrives: () => Promise<unknown> };
    expect(await api.listRemovableDrives()).toEqual({ ok: true, value: 'huiwen:listRemovableDrives' });
    expect(invoke).toHaveBeenLastCalledWith('huiwen:listRemovableDrives');
  });
});
