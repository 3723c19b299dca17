/** The feature's store instance and hook; data comes from the app's local store. */
import { useStore } from 'zustand';
import { getStore } from '../../data';
import { meetingsRepository } from '../../data/meetings-repo';
import { createMeetingsUi, type MeetingsUi } from './meetings-store';

export const meetingsUi = createMeetingsUi({
  meetings: async () => meetingsRepository((await getStore()).db),
  registry: async () => (await getStore()).registry,
});

export function useMeetingsUi<T>(selector: (s: MeetingsUi) => T): T {
  return useStore(meetingsUi, selector);
}
