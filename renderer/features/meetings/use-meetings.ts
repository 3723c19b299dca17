/** The feature's store instance and hook; data comes from the app's local store. */
import { useStore } from 'zustand';
import { getStore } from '../../data';
import { createMeetingsUi, type MeetingsUi } from './meetings-store';

export const meetingsUi = createMeetingsUi({
  meetings: async () => (await getStore()).meetings,
  registry: async () => (await getStore()).registry,
});

export function useMeetingsUi<T>(selector: (s: MeetingsUi) => T): T {
  return useStore(meetingsUi, selector);
}
