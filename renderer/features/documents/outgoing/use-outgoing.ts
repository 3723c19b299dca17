/**
 * The 发文 screens' state (one zustand slice): registry, records and settings as loaded from the store, the
 * register's filters, and the actions. Every action is one repository call = one audited transaction; a
 * StoreError (Chinese message) is rethrown so the screen can show it and keep what was typed.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { OutgoingAction, OutgoingRecord, OutgoingSettings } from '../../../../shared/domain/documents';
import { DEFAULT_OUTGOING_SETTINGS } from '../../../../shared/domain/documents';
import type { DocumentId } from '../../../../shared/domain/ids';
import { emptyRegistry, type Registry } from '../../../../shared/domain/registry';
import { getStore } from '../../../data';
import { StoreError } from '../../../data/errors';
import type { OutgoingRuleContext } from '../../../data/outgoing-repo';
import type { OutgoingFilters, SortKey } from './model';

export interface OutgoingUi {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError: string | undefined;
  readonly registry: Registry;
  readonly records: readonly OutgoingRecord[];
  readonly settings: OutgoingSettings;
  readonly filters: OutgoingFilters;
  readonly sort: { readonly key: SortKey; readonly desc: boolean };
  readonly busy: boolean;
  load(): Promise<void>;
  setFilters(f: OutgoingFilters): void;
  setSort(key: SortKey): void;
  create(record: OutgoingRecord, context: string): Promise<OutgoingRecord>;
  act(
    id: DocumentId,
    action: OutgoingAction,
    rules: OutgoingRuleContext,
    context: string,
  ): Promise<OutgoingRecord>;
  allocateNumber(id: DocumentId, rules: OutgoingRuleContext, context: string): Promise<OutgoingRecord>;
  saveSettings(s: OutgoingSettings): Promise<void>;
}

export const storeMessage = (e: unknown): string =>
  e instanceof StoreError ? e.message : '操作失败，数据未改动。请重试；如仍失败，请重启会文。';

export const outgoingUi = createStore<OutgoingUi>()((set, get) => {
  async function busy<T>(work: () => Promise<T>): Promise<T> {
    set({ busy: true });
    try {
      return await work();
    } finally {
      set({ busy: false });
    }
  }
  const replace = (r: OutgoingRecord) =>
    set({ records: [r, ...get().records.filter((x) => x.doc.id !== r.doc.id)] });
  return {
    status: 'idle',
    loadError: undefined,
    registry: emptyRegistry,
    records: [],
    settings: DEFAULT_OUTGOING_SETTINGS,
    filters: {},
    sort: { key: 'createdOn', desc: true },
    busy: false,
    async load() {
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        const store = await getStore();
        const [registry, records, settings] = await Promise.all([
          store.registry.load(),
          store.outgoing.list(),
          store.outgoing.settings(),
        ]);
        set({ registry, records, settings, status: 'ready', loadError: undefined });
      } catch (e) {
        set({ status: 'failed', loadError: storeMessage(e) });
      }
    },
    setFilters(filters) {
      set({ filters });
    },
    setSort(key) {
      const s = get().sort;
      set({ sort: { key, desc: s.key === key ? !s.desc : false } });
    },
    create(record, context) {
      return busy(async () => {
        const saved = await (await getStore()).outgoing.create(record, { context });
        replace(saved);
        return saved;
      });
    },
    act(id, action, rules, context) {
      return busy(async () => {
        const saved = await (await getStore()).outgoing.act(id, action, rules, { context });
        replace(saved);
        return saved;
      });
    },
    allocateNumber(id, rules, context) {
      return busy(async () => {
        const saved = await (await getStore()).outgoing.allocateNumber(id, rules, { context });
        replace(saved);
        return saved;
      });
    },
    saveSettings(s) {
      return busy(async () => {
        const saved = await (await getStore()).outgoing.saveSettings(s, { context: '修改发文设置' });
        set({ settings: saved });
      });
    },
  };
});

export function useOutgoingUi<T>(selector: (s: OutgoingUi) => T): T {
  return useStore(outgoingUi, selector);
}
