/**
 * Drafts of the after-meeting forms, in localStorage so a reload or a failed save loses nothing: the record
 * of each topic (often long, typed during the meeting) and the decision being registered. Each is cleared
 * once what it drafts is saved.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DecisionInput } from '../../../shared/domain/meeting-rules';

interface AftermathDraftsState {
  /** Record texts by "<meetingId>/<topicId>". */
  readonly records: Readonly<Record<string, string>>;
  /** The decision form by meeting id. */
  readonly decisions: Readonly<Record<string, DecisionInput>>;
  setRecord(key: string, text: string | undefined): void;
  setDecision(meetingId: string, input: DecisionInput | undefined): void;
}

const without = <T>(r: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = r;
  return rest;
};

export const recordKey = (meetingId: string, topicId: string): string => `${meetingId}/${topicId}`;

export const useAftermathDrafts = create<AftermathDraftsState>()(
  persist(
    (set) => ({
      records: {},
      decisions: {},
      setRecord: (key, text) =>
        set((s) => ({
          records: text === undefined ? without(s.records, key) : { ...s.records, [key]: text },
        })),
      setDecision: (meetingId, input) =>
        set((s) => ({
          decisions:
            input === undefined ? without(s.decisions, meetingId) : { ...s.decisions, [meetingId]: input },
        })),
    }),
    {
      name: 'huiwen.meetings.aftermath-drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ records: s.records, decisions: s.decisions }),
    },
  ),
);
