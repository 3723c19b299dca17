/**
 * One user action on a meeting from any tab: the pure change goes to the store's `apply` (one audited
 * transaction on the meeting as stored), and the clerk sees either the success sentence or the Chinese reason.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import { shanghaiDateOf, type IsoDate } from '../../../shared/calendar/iso-date';
import type { MeetingId } from '../../../shared/domain/ids';
import type { Meeting } from '../../../shared/domain/meeting';
import { signedInOperator } from '../../data';
import type { MeetingFile } from '../../data/meetings-repo';
import { storeMessage } from './meetings-store';
import { meetingsUi } from './use-meetings';

export type MeetingAction = (
  id: MeetingId,
  change: (m: Meeting) => Meeting,
  context: string,
  done: string,
  files?: readonly MeetingFile[],
) => Promise<boolean>;

export function useMeetingAction(): MeetingAction {
  const { message } = App.useApp();
  return useCallback<MeetingAction>(
    async (id, change, context, done, files) => {
      try {
        await meetingsUi.getState().apply(id, change, context, files);
        void message.success(done);
        return true;
      } catch (e) {
        void message.error(storeMessage(e));
        return false;
      }
    },
    [message],
  );
}

/** The signed-in clerk's name, the default for "by whom" fields. */
export const operatorName = (): string => signedInOperator()?.name ?? '';

/** "HH:MM" now in Shanghai. */
export const shanghaiClock = (d: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

export const todayInShanghai = (): IsoDate => shanghaiDateOf(new Date());
