import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleRemaining, watchIdle, type IdleDeps } from './idle';

const fakeDeps = (target: EventTarget): IdleDeps => ({
  target,
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T09:00:00+08:00'));
});
afterEach(() => vi.useRealTimers());

describe('idle lock', () => {
  it('computes the time left, never negative', () => {
    expect(idleRemaining(0, 60_000, 10)).toBe(9 * 60_000);
    expect(idleRemaining(0, 11 * 60_000, 10)).toBe(0);
  });

  it('locks after the configured minutes without input, once', () => {
    const onIdle = vi.fn();
    watchIdle(10, onIdle, fakeDeps(new EventTarget()));
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('input postpones the lock', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    watchIdle(2, onIdle, fakeDeps(target));
    vi.advanceTimersByTime(90_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('mousemove'));
    vi.advanceTimersByTime(2 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly: no lock after stop, listeners removed', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    const remove = vi.spyOn(target, 'removeEventListener');
    const stop = watchIdle(1, onIdle, fakeDeps(target));
    stop();
    vi.advanceTimersByTime(5 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(remove).toHaveBeenCalledTimes(6);
  });
});
