import { beforeAll, describe, expect, it, vi } from 'vitest';
import { personId, topicId } from '../../../shared/domain/ids';
import type * as DraftStoreModule from './draft-store';
import { EMPTY_TOPIC } from './model';

/** A real (in-memory) Storage, standing in for the browser's localStorage under node. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

type DraftsStore = typeof DraftStoreModule.useMeetingDrafts;
let drafts: DraftsStore;
const storage = new MemoryStorage();

/** A fresh copy of the module, as after a page reload: it reads localStorage when created. */
async function load(): Promise<DraftsStore> {
  vi.resetModules();
  return (await import('./draft-store')).useMeetingDrafts;
}

beforeAll(async () => {
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  drafts = await load();
});

describe('meeting drafts (topic form and minutes, per meeting)', () => {
  it('keeps what was typed per meeting, in localStorage, and reads it back after a reload', async () => {
    const typed = { ...EMPTY_TOPIC, title: '研究老旧小区改造' };
    drafts.getState().setTopic('m-1', { openedTitle: '', draft: typed });
    drafts.getState().setTopic('m-2', { id: topicId('t-1'), openedTitle: '原议题', draft: EMPTY_TOPIC });
    drafts.getState().setMinutes('m-1', '一、会议概况');
    drafts.getState().setSignIns('m-1', [{ personId: personId('p-1'), status: 'present', late: true }]);
    expect(storage.getItem('huiwen.meetings.drafts')).toContain('研究老旧小区改造');

    // A reload: a new store, from what was stored.
    drafts = await load();
    expect(drafts.getState().topics['m-1']?.draft.title).toBe('研究老旧小区改造');
    expect(drafts.getState().topics['m-2']).toMatchObject({ id: 't-1', openedTitle: '原议题' });
    expect(drafts.getState().minutes['m-1']).toBe('一、会议概况');
    expect(drafts.getState().signIns['m-1']).toEqual([{ personId: 'p-1', status: 'present', late: true }]);
  });

  it('drops a draft once saved or cancelled, leaving the other meetings’ drafts alone', () => {
    drafts.getState().setTopic('m-1', undefined);
    drafts.getState().setMinutes('m-1', undefined);
    drafts.getState().setSignIns('m-1', undefined);
    expect(drafts.getState().signIns).toEqual({});
    expect(drafts.getState().topics['m-1']).toBeUndefined();
    expect(drafts.getState().minutes).toEqual({});
    expect(drafts.getState().topics['m-2']?.openedTitle).toBe('原议题');
    expect(storage.getItem('huiwen.meetings.drafts')).not.toContain('研究老旧小区改造');
  });
});
