/**
 * The new-meeting form's draft, kept in localStorage so a reload or a trip to 人员与单位 (to record an
 * entrustment, say) loses nothing. Cleared once the meeting is saved.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_DRAFT, type NewMeetingDraft } from './model';

interface DraftState {
  readonly draft: NewMeetingDraft;
  update(patch: Partial<NewMeetingDraft>): void;
  reset(): void;
}

export const useNewMeetingDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: EMPTY_DRAFT,
      update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      reset: () => set({ draft: EMPTY_DRAFT }),
    }),
    {
      name: 'huiwen.meetings.new-draft',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ draft: s.draft }),
    },
  ),
);
