/**
 * Idle detection for the screen lock: any keyboard, mouse, wheel or touch input counts as activity; after
 * `minutes` without any, `onIdle` runs once. The clock and timers are injectable so tests use a fake clock.
 */
export const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

export interface IdleDeps {
  readonly target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

/** Pure: milliseconds left before the lock, never negative. */
export function idleRemaining(lastActivity: number, now: number, minutes: number): number {
  return Math.max(0, lastActivity + minutes * 60_000 - now);
}

/** Starts watching; returns the stop function. */
export function watchIdle(minutes: number, onIdle: () => void, deps: IdleDeps): () => void {
  let last = deps.now();
  let timer: unknown;
  let stopped = false;
  const arm = (ms: number) => {
    timer = deps.setTimer(check, ms);
  };
  // Re-armed for what is left rather than on every mouse move: input stays cheap.
  function check(): void {
    if (stopped) return;
    const left = idleRemaining(last, deps.now(), minutes);
    if (left === 0) {
      stopped = true;
      onIdle();
    } else arm(left);
  }
  const onActivity = () => {
    last = deps.now();
  };
  for (const e of ACTIVITY_EVENTS) deps.target.addEventListener(e, onActivity, { passive: true, capture: true } as AddEventListenerOptions);
  arm(minutes * 60_000);
  return () => {
    stopped = true;
    deps.clearTimer(timer);
    for (const e of ACTIVITY_EVENTS) deps.target.removeEventListener(e, onActivity, { capture: true } as EventListenerOptions);
  };
}

export const browserIdleDeps = (): IdleDeps => ({
  target: window,
  now: () => Date.now(),
  setTimer: (fn, ms) => window.setTimeout(fn, ms),
  clearTimer: (h) => window.clearTimeout(h as number),
});
