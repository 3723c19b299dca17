import { describe, expect, it } from 'vitest';
import { IPC_METHODS, ipcChannel } from '../../shared/ipc';
import { createBridge } from './bridge';

describe('createBridge', () => {
  it('has exactly the contract methods and is frozen', () => {
    const bridge = createBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...IPC_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => Object.assign(bridge, { evil: 1 })).toThrow(TypeError);
  });

  it('forwards each call to its channel with the arguments unchanged, and returns the result', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: true, value: channel };
    });
    const bytes = new Uint8Array([1]);
    expect(await bridge.chooseFolder('选择文件夹')).toEqual({ ok: true, value: ipcChannel('chooseFolder') });
    await bridge.saveFile('a.pdf', bytes, []);
    await bridge.appInfo();
    expect(calls).toEqual([
      ['huiwen:chooseFolder', '选择文件夹'],
      ['huiwen:saveFile', 'a.pdf', bytes, []],
      ['huiwen:appInfo'],
    ]);
  });
});
