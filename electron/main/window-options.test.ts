import { describe, expect, it } from 'vitest';
import {
  createWindowOptions,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  secureWebPreferences,
} from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });

  it('pins every security-relevant web preference', () => {
    // Exact equality: adding, removing or flipping any preference must be a deliberate test change.
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('only enables DevTools when asked (development)', () => {
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
    expect(createWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.sandbox).toBe(true);
  });

  it('has the Chinese title, a background colour and fits a 1366×768 screen', () => {
    expect(options.title).toBe('会文');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
    expect(MIN_WIDTH).toBeLessThanOrEqual(1366);
    expect(MIN_HEIGHT).toBeLessThanOrEqual(768 - 48);
    expect(options.width).toBe(DEFAULT_WIDTH);
    expect(options.height).toBe(DEFAULT_HEIGHT);
    expect(options.center).toBe(true);
  });

  it('uses remembered bounds but never below the minimum size', () => {
    const remembered = createWindowOptions({
      preloadPath: '/p',
      bounds: { x: 10, y: 20, width: 1600, height: 900 },
    });
    expect(remembered).toMatchObject({ x: 10, y: 20, width: 1600, height: 900 });
    expect(remembered.center).toBeUndefined();
    const tiny = createWindowOptions({ preloadPath: '/p', bounds: { width: 200, height: 100 } });
    expect(tiny).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT, center: true });
  });
});
