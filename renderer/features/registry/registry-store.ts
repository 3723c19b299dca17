/**
 * The page's UI state (one zustand slice): the loaded registry, which tab, what is typed in each search box,
 * which record is being edited. Data goes through the repository only; selectors below are pure.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { emptyRegistry, type Registry } from '../../../shared/domain/registry';
import { createSampleOffice, SAMPLE_OFFICE_NAME } from '../../../shared/sample';
import { StoreError, type RegistryKind, type RegistryRepository, type SampleInfo } from '../../data';

export type TabKey = RegistryKind;

export interface Editing {
  readonly kind: RegistryKind;
  /** The record being edited; undefined for a new one. */
  readonly record?: Readonly<Record<string, unknown>>;
}

export interface RegistryUiState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly registry: Registry;
  readonly sample: SampleInfo | undefined;
  readonly loadError: string | undefined;
  readonly busy: boolean;
  readonly tab: TabKey;
  readonly queries: Readonly<Partial<Record<TabKey, string>>>;
  /** Unit tree selection: a unit kind or a unit id. */
  readonly unitFilter: string | undefined;
  readonly editing: Editing | undefined;
}

export interface RegistryUiActions {
  load(): Promise<void>;
  /** Saves and refreshes; rethrows StoreError so the form can show it and keep what was typed. */
  save(kind: RegistryKind, input: unknown): Promise<void>;
  remove(kind: RegistryKind, id: string): Promise<void>;
  loadSample(today: IsoDate): Promise<void>;
  clearSample(): Promise<number>;
  setTab(tab: TabKey): void;
  setQuery(tab: TabKey, query: string): void;
  setUnitFilter(filter: string | undefined): void;
  edit(editing: Editing | undefined): void;
}

export type RegistryUi = RegistryUiState & RegistryUiActions;

export const initialUiState: RegistryUiState = {
  status: 'idle',
  registry: emptyRegistry,
  sample: undefined,
  loadError: undefined,
  busy: false,
  tab: 'people',
  queries: {},
  unitFilter: undefined,
  editing: undefined,
};

const message = (e: unknown) =>
  e instanceof StoreError ? e.message : '操作失败，数据未改动。请重试；如仍失败，请重启会文。';

export function createRegistryUi(repo: () => Promise<RegistryRepository>): StoreApi<RegistryUi> {
  return createStore<RegistryUi>()((set, get) => {
    async function refresh(): Promise<void> {
      const r = await repo();
      const [registry, sample] = await Promise.all([r.load(), r.sampleInfo()]);
      set({ registry, sample, status: 'ready', loadError: undefined });
    }
    async function busy<T>(work: () => Promise<T>): Promise<T> {
      set({ busy: true });
      try {
        return await work();
      } finally {
        set({ busy: false });
      }
    }
    return {
      ...initialUiState,
      async load() {
        if (get().status === 'idle') set({ status: 'loading' });
        try {
          await refresh();
        } catch (e) {
          set({ status: 'failed', loadError: `读取人员与单位失败：${message(e)}` });
        }
      },
      save: (kind, input) =>
        busy(async () => {
          await (await repo()).save(kind, input);
          set({ editing: undefined });
          await refresh();
        }),
      remove: (kind, id) =>
        busy(async () => {
          await (await repo()).remove(kind, id);
          await refresh();
        }),
      loadSample: (today) =>
        busy(async () => {
          await (await repo()).loadSample(createSampleOffice(today), today, SAMPLE_OFFICE_NAME);
          await refresh();
        }),
      clearSample: () =>
        busy(async () => {
          const n = await (await repo()).clearSample();
          await refresh();
          return n;
        }),
      setTab: (tab) => set({ tab }),
      setQuery: (tab, query) => set((s) => ({ queries: { ...s.queries, [tab]: query } })),
      setUnitFilter: (unitFilter) => set({ unitFilter }),
      edit: (editing) => set({ editing }),
    };
  });
}

// Pure selectors.
export const selectQuery =
  (tab: TabKey) =>
  (s: RegistryUiState): string =>
    s.queries[tab] ?? '';
export const selectIsSample = (s: RegistryUiState): boolean => s.sample !== undefined;
/** Record counts per tab. Takes the registry (not the state) so callers memoize on it: a fresh object per
 * state read would make zustand's subscription loop forever. */
export const countsOf = (reg: Registry): Readonly<Record<TabKey, number>> => ({
  people: reg.people.length,
  units: reg.units.length,
  posts: reg.posts.length,
  portfolios: reg.portfolios.length,
  entrustments: reg.entrustments.length,
  travels: reg.travels.length,
  coverages: reg.coverages.length,
});
