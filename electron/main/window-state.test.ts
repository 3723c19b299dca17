import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  type Rect,
  type WindowState,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const external: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };
const state = (s: Partial<WindowState>): WindowState => ({
  x: 100,
  y: 50,
  width: 1280,
  height: 700,
  maximized: false,
  ...s,
});

describe('parseWindowState', () => {
  it('accepts a well-formed state and refuses anything else', () => {
    expect(parseWindowState(JSON.stringify(state({})))).toEqual(state({}));
    for (const bad of [
      '',
      '{',
      'null',
      '[]',
      '{"x":1}',
      JSON.stringify(state({ width: 0 })),
      JSON.stringify({ ...state({}), x: 1.5 }),
      JSON.stringify({ ...state({}), x: 1e9 }),
    ]) {
      expect(parseWindowState(bad), bad).toBeNull();
    }
  });
});

describe('clampToDisplays', () => {
  it('keeps bounds that are fully visible', () => {
    expect(clampToDisplays(state({ x: 40, y: 20 }), [laptop])).toEqual({
      x: 40,
      y: 20,
      width: 1280,
      height: 700,
    });
  });

  it('keeps a window on a second screen that is still connected', () => {
    expect(clampToDisplays(state({ x: 1500, y: 100 }), [laptop, external])).toEqual({
      x: 1500,
      y: 100,
      width: 1280,
      height: 700,
    });
  });

  it('drops the position (centre) when the screen it was on is gone', () => {
    expect(clampToDisplays(state({ x: 1500, y: 100 }), [laptop])).toEqual({ width: 1280, height: 700 });
    expect(clampToDisplays(state({ x: 100, y: -600 }), [laptop])).toEqual({ width: 1280, height: 700 });
  });

  it('shrinks and pulls back a window larger than or hanging off its screen', () => {
    expect(clampToDisplays(state({ x: 1000, y: 0, width: 1920, height: 1080 }), [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
    expect(clampToDisplays(state({ x: 300, y: 200 }), [laptop])).toEqual({
      x: 86,
      y: 28,
      width: 1280,
      height: 700,
    });
  });

  it('copes with no screens reported', () => {
    expect(clampToDisplays(state({}), [])).toEqual({ width: 1280, height: 700 });
  });
});

describe('load/save', () => {
  it('round-trips through userData atomically', async () => {
    const dir = await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-ws-'));
    try {
      const userData = path.join(dir, '会文');
      expect(await loadWindowState((p) => nodeFs.readFile(p, 'utf8'), userData)).toBeNull();
      await saveWindowState(nodeFs, userData, state({ maximized: true }));
      expect(await loadWindowState((p) => nodeFs.readFile(p, 'utf8'), userData)).toEqual(
        state({ maximized: true }),
      );
      expect((await nodeFs.readdir(userData)).filter((n) => n.endsWith('.huiwen-tmp'))).toEqual([]);
      await nodeFs.writeFile(path.join(userData, 'window-state.json'), '{corrupt');
      expect(await loadWindowState((p) => nodeFs.readFile(p, 'utf8'), userData)).toBeNull();
    } finally {
      await nodeFs.rm(dir, { recursive: true, force: true });
    }
  });
});
