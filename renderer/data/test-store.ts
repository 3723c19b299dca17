/**
 * For repository tests only: fresh stores on fake-indexeddb (each its own database, closed after the test) and
 * the check that a write was refused with a StoreError. Never imported by the app. Test files still import
 * 'fake-indexeddb/auto' first themselves: Dexie looks for IndexedDB when it is first imported.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect } from 'vitest';
import { openStore, StoreError, type Store } from './index';

/** The clock repository tests write with (audit times, default dates). */
export const fixedNow = (): Date => new Date('2026-03-02T01:00:00.000Z');

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A new, empty store named after the test file's `label`, closed after the test. */
export async function freshStore(label: string, now: () => Date = fixedNow): Promise<Store> {
  const store = await openStore(`${label}-${Math.random()}`, now);
  opened.push(store);
  return store;
}

/** Awaits `p`, expects it to fail with a StoreError, and returns that error for further checks. */
export async function rejection(p: Promise<unknown>): Promise<StoreError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  return e as StoreError;
}
