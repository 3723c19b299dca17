/**
 * Merge planning, pure: given what a packet brings and what the receiving store holds, decide per record
 * whether it is new, an update, unchanged, or a conflict. "A record changed on both sides since the last
 * exchange is a conflict shown to the user side by side — never silently overwritten." Applying the plan is
 * the store's job; re-importing the same packet after applying it yields only `unchanged` (idempotent).
 */
import type { IncomingRecord } from './open';

/** What the receiving store holds for one record (its data is only needed to show conflicts). */
export interface LocalRecordState {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly contentHash: string;
  readonly data?: unknown;
}

/**
 * For each record, the contentHash both sides last agreed on (after the last export to, or import from, this
 * partner). Key: `recordKey(type, id)`.
 */
export type ExchangeState = ReadonlyMap<string, string>;

export const recordKey = (type: string, id: string): string => `${type}/${id}`;

export interface PlannedUpdate {
  readonly incoming: IncomingRecord;
  readonly local: LocalRecordState;
}

export interface PlannedUnchanged extends PlannedUpdate {
  /** 'same': identical content. 'local-newer': only this side changed since the last exchange; keep it. */
  readonly reason: 'same' | 'local-newer';
}

export interface PlannedConflict extends PlannedUpdate {
  /** The hash both sides last agreed on, if any; absent when the two sides never exchanged this record. */
  readonly base: string | undefined;
}

export interface ImportPlan {
  readonly new: readonly IncomingRecord[];
  readonly updated: readonly PlannedUpdate[];
  readonly unchanged: readonly PlannedUnchanged[];
  readonly conflicts: readonly PlannedConflict[];
}

export function planImport(
  contents: { readonly records: readonly IncomingRecord[] },
  currentRecords: readonly LocalRecordState[] | ReadonlyMap<string, LocalRecordState>,
  lastExchange: ExchangeState = new Map(),
): ImportPlan {
  const local =
    currentRecords instanceof Map
      ? (currentRecords as ReadonlyMap<string, LocalRecordState>)
      : new Map((currentRecords as readonly LocalRecordState[]).map((r) => [recordKey(r.type, r.id), r]));
  const plan = {
    new: [] as IncomingRecord[],
    updated: [] as PlannedUpdate[],
    unchanged: [] as PlannedUnchanged[],
    conflicts: [] as PlannedConflict[],
  };
  for (const incoming of contents.records) {
    const key = recordKey(incoming.meta.type, incoming.meta.id);
    const mine = local.get(key);
    if (!mine) {
      plan.new.push(incoming);
      continue;
    }
    const theirs = incoming.meta.contentHash;
    if (mine.contentHash === theirs) {
      plan.unchanged.push({ incoming, local: mine, reason: 'same' });
      continue;
    }
    // The sender edited exactly our current version: a direct successor, whatever the exchange log says.
    if (incoming.meta.baseHash === mine.contentHash) {
      plan.updated.push({ incoming, local: mine });
      continue;
    }
    const base = lastExchange.get(key);
    const localChanged = base === undefined || mine.contentHash !== base;
    const remoteChanged = base === undefined || theirs !== base;
    if (!localChanged) plan.updated.push({ incoming, local: mine });
    else if (!remoteChanged) plan.unchanged.push({ incoming, local: mine, reason: 'local-newer' });
    else plan.conflicts.push({ incoming, local: mine, base });
  }
  return plan;
}

/** True when applying the plan would change nothing (e.g. the same packet imported twice). */
export const isNoop = (plan: ImportPlan): boolean =>
  plan.new.length === 0 && plan.updated.length === 0 && plan.conflicts.length === 0;

/**
 * The exchange state to record after applying `plan` without the conflicts: applied and identical records are
 * now agreed on; conflicts keep their old base until the user resolves them.
 */
export function exchangeStateAfter(plan: ImportPlan, before: ExchangeState = new Map()): Map<string, string> {
  const next = new Map(before);
  const agree = (r: IncomingRecord): void => {
    next.set(recordKey(r.meta.type, r.meta.id), r.meta.contentHash);
  };
  plan.new.forEach(agree);
  plan.updated.forEach((u) => agree(u.incoming));
  plan.unchanged.filter((u) => u.reason === 'same').forEach((u) => agree(u.incoming));
  return next;
}
