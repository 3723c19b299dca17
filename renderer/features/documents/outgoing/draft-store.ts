/**
 * The 拟稿 wizard's draft, kept in localStorage so a reload (or a trip to 人员与单位 to add a unit) loses
 * nothing. Cleared once the draft is registered.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_OUTGOING_DRAFT, type NewOutgoingDraft } from './model';

interface DraftState {
  readonly draft: NewOutgoingDraft;
  /** Wizard page (0 = the art. 52 questions). */
  readonly page: number;
  update(patch: Partial<NewOutgoingDraft>): void;
  setPage(page: number): void;
  reset(): void;
}

export const useOutgoingDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: EMPTY_OUTGOING_DRAFT,
      page: 0,
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      setPage: (page) => set({ page }),
      reset: () => set({ draft: EMPTY_OUTGOING_DRAFT, page: 0 }),
    }),
    {
      name: 'huiwen.documents.outgoing.new-draft',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ draft: s.draft, page: s.page }),
    },
  ),
);
