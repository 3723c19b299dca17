/**
 * The 收文 screens' state: the registry and the incoming records as loaded from the store, the register's
 * filters (kept while a document is opened and closed), and a reload after every action.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { emptyRegistry, type Registry } from '../../../../shared/domain/registry';
import { getStore } from '../../../data';
import { StoreError } from '../../../data/errors';
import type { IncomingRecord, IncomingRepository } from '../../../data/incoming-repo';
import { emptyIncomingDraft, type IncomingDraft, type RegisterFilters } from './model';
import { shanghaiDateOf } from '../../../../shared/calendar/iso-date';

export const storeMessage = (e: unknown): string =>
  e instanceof StoreError ? e.message : e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '操作失败，数据未改动。请重试；如仍失败，请重启会文。';

interface IncomingUi {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError?: string;
  readonly registry: Registry;
  readonly records: readonly IncomingRecord[];
  readonly filters: RegisterFilters;
  readonly officeName?: string;
  load(): Promise<void>;
  setFilters(f: RegisterFilters): void;
  /** Runs one repository action, then reloads; rethrows (Chinese message) so forms keep what was typed. */
  act<T>(work: (repo: IncomingRepository) => Promise<T>): Promise<T>;
}

export const useIncoming = create<IncomingUi>()((set, get) => ({
  status: 'idle',
  registry: emptyRegistry,
  records: [],
  filters: {},
  async load() {
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      const store = await getStore();
      const [registry, records, officeName] = await Promise.all([store.registry.load(), store.incoming.list(), store.officeName()]);
      set({ status: 'ready', registry, records, ...(officeName === undefined ? {} : { officeName }), loadError: undefined });
    } catch (e) {
      set({ status: 'failed', loadError: storeMessage(e) });
    }
  },
  setFilters(filters) {
    set({ filters });
  },
  async act(work) {
    const store = await getStore();
    const result = await work(store.incoming);
    await get().load();
    return result;
  },
}));

interface DraftState {
  readonly draft: IncomingDraft;
  update(patch: Partial<IncomingDraft>): void;
  reset(): void;
}

/** The registration form, kept in localStorage: a long form survives a reload or a trip to 人员与单位. */
export const useIncomingDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: emptyIncomingDraft(shanghaiDateOf(new Date())),
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      reset: () => set({ draft: emptyIncomingDraft(shanghaiDateOf(new Date())) }),
    }),
    {
      name: 'huiwen.documents.incoming-draft',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ draft: s.draft }),
    },
  ),
);
