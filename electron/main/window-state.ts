/**
 * Remembers the main window's bounds between launches (window-state.json in userData), written
 * atomically so a crash mid-save cannot leave a corrupt file, and clamped on load so a window last
 * seen on a now-disconnected projector reappears on a visible screen.
 */
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, type AtomicFs } from './atomic-write';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState extends Rect {
  readonly maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  x: int,
  y: int,
  width: int.min(1),
  height: int.min(1),
  maximized: z.boolean(),
});

export function parseWindowState(text: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** Enough of the title bar must be on a screen for the clerk to grab it. */
const MIN_VISIBLE_WIDTH = 200;
const TITLE_BAR_HEIGHT = 40;

/**
 * Fits remembered bounds to the current screens' work areas: keeps them if the title bar is reachable
 * on some screen (shrinking to that screen if larger); otherwise returns only the size, so the window
 * is centred on the primary screen.
 */
export function clampToDisplays(
  state: WindowState,
  workAreas: readonly Rect[],
): Partial<Rect> & { width: number; height: number } {
  const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: TITLE_BAR_HEIGHT };
  const host = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return (
      o.width >= Math.min(MIN_VISIBLE_WIDTH, state.width) &&
      o.height >= Math.min(TITLE_BAR_HEIGHT, state.height)
    );
  });
  if (host === undefined) {
    const primary = workAreas[0];
    return primary === undefined
      ? { width: state.width, height: state.height }
      : { width: Math.min(state.width, primary.width), height: Math.min(state.height, primary.height) };
  }
  const width = Math.min(state.width, host.width);
  const height = Math.min(state.height, host.height);
  const x = Math.min(Math.max(state.x, host.x), host.x + host.width - width);
  const y = Math.min(Math.max(state.y, host.y), host.y + host.height - height);
  return { x, y, width, height };
}

export async function loadWindowState(
  readFile: (p: string) => Promise<string>,
  userData: string,
): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(path.join(userData, WINDOW_STATE_FILE)));
  } catch {
    return null; // first launch, or unreadable: use defaults
  }
}

export async function saveWindowState(fs: AtomicFs, userData: string, state: WindowState): Promise<void> {
  await fs.mkdir(userData, { recursive: true });
  await writeFileAtomic(
    fs,
    path.join(userData, WINDOW_STATE_FILE),
    new TextEncoder().encode(JSON.stringify(state)),
  );
}
