/**
 * The meetings feature's UI state (one zustand slice): the registry and meetings as loaded from the store,
 * the list filters, and the save actions. Every save is one repository call = one audited transaction.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MeetingId } from '../../../shared/domain/ids';
import type { Meeting } from '../../../shared/domain/meeting';
import { emptyRegistry, type Registry } from '../../../shared/domain/registry';
import { StoreError } from '../../data/errors';
import type { MeetingFile, MeetingsRepository } from '../../data/meetings-repo';
import { EMPTY_LEDGER_FILTERS, type LedgerFilters, type LedgerSort } from './ledger-model';
import { filterMeetings, type MeetingFilters } from './model';

/** How the meetings list shows: the table, or a month calendar. */
export type MeetingsView = 'table' | 'calendar';

export interface MeetingsUiState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError: string | undefined;
  readonly registry: Registry;
  readonly meetings: readonly Meeting[];
  readonly filters: MeetingFilters;
  readonly busy: boolean;
  readonly view: MeetingsView;
  /** The decisions ledger's filters and sort, kept while the clerk opens a meeting and comes back. */
  readonly ledgerFilters: LedgerFilters;
  readonly ledgerSort: LedgerSort;
}

export interface MeetingsUiActions {
  load(): Promise<void>;
  setFilters(filters: MeetingFilters): void;
  /** Creates; rethrows a StoreError (Chinese message) so the form keeps what was typed. */
  create(meeting: Meeting, context: string): Promise<Meeting>;
  /** Saves a changed meeting; rethrows a StoreError. */
  save(meeting: Meeting, context: string): Promise<Meeting>;
  /** One action on the stored meeting (see MeetingsRepository.modify); rethrows a StoreError. */
  apply(
    id: MeetingId,
    change: (m: Meeting) => Meeting,
    context: string,
    files?: readonly MeetingFile[],
  ): Promise<Meeting>;
  setView(view: MeetingsView): void;
  setLedgerFilters(filters: LedgerFilters): void;
  setLedgerSort(sort: LedgerSort): void;
}

export type MeetingsUi = MeetingsUiState & MeetingsUiActions;

export interface MeetingsDeps {
  readonly meetings: () => Promise<MeetingsRepository>;
  readonly registry: () => Promise<{ load(): Promise<Registry> }>;
}

export const initialMeetingsState: MeetingsUiState = {
  status: 'idle',
  loadError: undefined,
  registry: emptyRegistry,
  meetings: [],
  filters: {},
  busy: false,
  view: 'table',
  ledgerFilters: EMPTY_LEDGER_FILTERS,
  ledgerSort: { by: 'dueDate', desc: false },
};

export const storeMessage = (e: unknown): string =>
  e instanceof StoreError ? e.message : '操作失败，数据未改动。请重试；如仍失败，请重启会文。';

const byDate = (a: Meeting, b: Meeting) =>
  a.date === b.date ? (a.time ?? '').localeCompare(b.time ?? '') : a.date.localeCompare(b.date);

export function createMeetingsUi(deps: MeetingsDeps): StoreApi<MeetingsUi> {
  return createStore<MeetingsUi>()((set, get) => {
    async function busy<T>(work: () => Promise<T>): Promise<T> {
      set({ busy: true });
      try {
        return await work();
      } finally {
        set({ busy: false });
      }
    }
    const replace = (m: Meeting) =>
      set({ meetings: [...get().meetings.filter((x) => x.id !== m.id), m].sort(byDate) });
    return {
      ...initialMeetingsState,
      async load() {
        if (get().status === 'idle') set({ status: 'loading' });
        try {
          const [reg, repo] = await Promise.all([deps.registry(), deps.meetings()]);
          const [registry, meetings] = await Promise.all([reg.load(), repo.list()]);
          set({ registry, meetings, status: 'ready', loadError: undefined });
        } catch (e) {
          set({ status: 'failed', loadError: storeMessage(e) });
        }
      },
      setFilters(filters) {
        set({ filters });
      },
      create(meeting, context) {
        return busy(async () => {
          const saved = await (await deps.meetings()).create(meeting, { context });
          replace(saved);
          return saved;
        });
      },
      save(meeting, context) {
        return busy(async () => {
          const saved = await (await deps.meetings()).update(meeting, { context });
          replace(saved);
          return saved;
        });
      },
      apply(id, change, context, files) {
        return busy(async () => {
          const saved = await (await deps.meetings()).modify(id, change, { context }, files);
          replace(saved);
          return saved;
        });
      },
      setView(view) {
        set({ view });
      },
      setLedgerFilters(ledgerFilters) {
        set({ ledgerFilters });
      },
      setLedgerSort(ledgerSort) {
        set({ ledgerSort });
      },
    };
  });
}

// Pure selectors.
export const selectVisible = (s: Pick<MeetingsUiState, 'meetings' | 'filters'>): Meeting[] =>
  filterMeetings(s.meetings, s.filters);
export const selectMeeting =
  (id: string | undefined) =>
  (s: MeetingsUiState): Meeting | undefined =>
    s.meetings.find((m) => m.id === (id as MeetingId | undefined));
