/**
 * Drafts of the meeting forms, kept in localStorage so a reload, a failed save or a trip to 人员与单位 (to
 * record an entrustment, say) loses nothing: the new-meeting form, and per meeting the topic form being
 * filled in, the minutes being drafted and the sign-in sheet of the day. Each is cleared once what it drafts is saved.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TopicId } from '../../../shared/domain/ids';
import type { SignIn } from '../../../shared/domain/meeting';
import { EMPTY_DRAFT, type NewMeetingDraft, type TopicDraft } from './model';

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

/** A topic form left open: which topic (none = a new one), its title when opened, and what was typed. */
export interface OpenTopicDraft {
  readonly id?: TopicId;
  readonly openedTitle: string;
  readonly draft: TopicDraft;
}

interface MeetingDraftsState {
  /** By meeting id. */
  readonly topics: Readonly<Record<string, OpenTopicDraft>>;
  /** The minutes text being drafted, by meeting id. */
  readonly minutes: Readonly<Record<string, string>>;
  /** The sign-in sheet being filled in on the day, by meeting id. */
  readonly signIns: Readonly<Record<string, readonly SignIn[]>>;
  setTopic(meetingId: string, d: OpenTopicDraft | undefined): void;
  setMinutes(meetingId: string, text: string | undefined): void;
  setSignIns(meetingId: string, sheet: readonly SignIn[] | undefined): void;
}

const without = <T>(r: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = r;
  return rest;
};

export const useMeetingDrafts = create<MeetingDraftsState>()(
  persist(
    (set) => ({
      topics: {},
      minutes: {},
      signIns: {},
      setTopic: (meetingId, d) =>
        set((s) => ({
          topics: d === undefined ? without(s.topics, meetingId) : { ...s.topics, [meetingId]: d },
        })),
      setMinutes: (meetingId, text) =>
        set((s) => ({
          minutes: text === undefined ? without(s.minutes, meetingId) : { ...s.minutes, [meetingId]: text },
        })),
      setSignIns: (meetingId, sheet) =>
        set((s) => ({
          signIns: sheet === undefined ? without(s.signIns, meetingId) : { ...s.signIns, [meetingId]: sheet },
        })),
    }),
    {
      name: 'huiwen.meetings.drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ topics: s.topics, minutes: s.minutes, signIns: s.signIns }),
    },
  ),
);
