/**
 * The main window's options. Every security-relevant webPreference is pinned here and by a test, so a
 * later "quick fix" that flips one of them fails CI instead of shipping.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/** Small enough for a 1366×768 office laptop with a taskbar; big enough for the two-pane layouts. */
export const MIN_WIDTH = 1280;
export const MIN_HEIGHT = 700;
export const DEFAULT_WIDTH = 1366;
export const DEFAULT_HEIGHT = 768;
export const BACKGROUND_COLOR = '#f5f5f5';
export const WINDOW_TITLE = '会文';

export interface WindowOptionsInput {
  /** Absolute path of the built preload script. */
  readonly preloadPath: string;
  /** Bounds remembered from the last session, already clamped to a visible screen. */
  readonly bounds?: Partial<Rectangle>;
  readonly maximized?: boolean;
  readonly iconPath?: string;
  /** DevTools only in development builds: in the field they would let anyone poke at the database. */
  readonly devTools?: boolean;
}

/** The web preferences; exported separately so the e2e suite can compare the live values. */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
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
    // Middle-click would try to open links in a new window (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { bounds } = input;
  return {
    title: WINDOW_TITLE,
    width: Math.max(bounds?.width ?? DEFAULT_WIDTH, MIN_WIDTH),
    height: Math.max(bounds?.height ?? DEFAULT_HEIGHT, MIN_HEIGHT),
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    backgroundColor: BACKGROUND_COLOR,
    // Shown on 'ready-to-show' so the clerk never sees a white flash.
    show: false,
    autoHideMenuBar: false,
    ...(input.iconPath !== undefined ? { icon: input.iconPath } : {}),
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools ?? false),
  };
}
