import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import { meetingId } from '../../../shared/domain/ids';
import { newMeeting } from '../../../shared/domain/meeting';
import { rescheduleMeeting } from '../../../shared/domain/meetings/aftermath';
import { createSampleOffice, SAMPLE_IDS } from '../../../shared/sample';
import { openStore, StoreError, type Store } from '../../data';
import { meetingsRepository } from '../../data/meetings-repo';
import { createMeetingsUi, selectMeeting, selectVisible } from './meetings-store';

const now = () => new Date('2026-03-02T01:00:00.000Z');
const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

async function freshUi() {
  const store = await openStore(`meetings-ui-${Math.random()}`, now);
  opened.push(store);
  await store.registry.loadSample(createSampleOffice(isoDate('2026-03-02')), '2026-03-02');
  return {
    store,
    ui: createMeetingsUi({
      meetings: async () => meetingsRepository(store.db, now),
      registry: async () => store.registry,
    }),
  };
}

const meeting = (id: string, date: string) =>
  newMeeting({
    id: meetingId(id),
    kind: 'executive',
    title: `会议${id}`,
    date: isoDate(date),
    place: '会议室',
    convenorId: SAMPLE_IDS.districtHead,
    chairId: SAMPLE_IDS.districtHead,
  });

describe('meetings UI state against a real (fake) IndexedDB', () => {
  it('loads the registry and meetings, creates and saves through the repository, and filters', async () => {
    const { store, ui } = await freshUi();
    await ui.getState().load();
    expect(ui.getState().status).toBe('ready');
    expect(ui.getState().registry.people.length).toBeGreaterThan(10);
    expect(ui.getState().meetings).toEqual([]);

    await ui.getState().create(meeting('b', '2026-04-01'), '新建会议');
    await ui.getState().create(meeting('a', '2026-03-10'), '新建会议');
    await ui.getState().save({ ...meeting('a', '2026-03-10'), place: '三楼' }, '修改会议');
    expect(ui.getState().meetings.map((m) => m.id)).toEqual(['a', 'b']);
    expect(selectMeeting('a')(ui.getState())?.place).toBe('三楼');
    expect(ui.getState().busy).toBe(false);

    ui.getState().setFilters({ month: '2026-04' });
    expect(selectVisible(ui.getState()).map((m) => m.id)).toEqual(['b']);

    // A fresh slice reads the same from the store.
    const again = createMeetingsUi({
      meetings: async () => meetingsRepository(store.db),
      registry: async () => store.registry,
    });
    await again.getState().load();
    expect(again.getState().meetings.map((m) => [m.id, m.place])).toEqual([
      ['a', '三楼'],
      ['b', '会议室'],
    ]);
  });

  it('rethrows a refused save and leaves the list as it was', async () => {
    const { ui } = await freshUi();
    await ui.getState().load();
    const err = await ui
      .getState()
      .save(meeting('missing', '2026-03-10'), '修改会议')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(StoreError);
    expect(ui.getState().meetings).toEqual([]);
    expect(ui.getState().busy).toBe(false);
  });

  it('reports a failed load in Chinese', async () => {
    const broken = createMeetingsUi({
      meetings: () => Promise.reject(new StoreError('storage', '磁盘已满，未读取。')),
      registry: async () => ({ load: async () => createSampleOffice(isoDate('2026-03-02')) }),
    });
    await broken.getState().load();
    expect(broken.getState()).toMatchObject({ status: 'failed', loadError: '磁盘已满，未读取。' });
  });

  it('applies one action to the stored meeting, refuses a bad one with its Chinese reason, keeps view and ledger filters', async () => {
    const { ui } = await freshUi();
    await ui.getState().load();
    await ui
      .getState()
      .create(
        { ...meeting('a', '2026-03-10'), state: 'postponed', postponed: { reason: '区长外出' } },
        '新建会议',
      );
    await ui
      .getState()
      .apply(
        meetingId('a'),
        (m) =>
          rescheduleMeeting(
            m,
            { date: '2026-03-17', time: '09:00', reason: '区长返回' },
            isoDate('2026-03-09'),
          ),
        '重新安排会议',
      );
    expect(selectMeeting('a')(ui.getState())).toMatchObject({
      date: '2026-03-17',
      time: '09:00',
      state: 'planned',
    });
    const err = await ui
      .getState()
      .apply(
        meetingId('a'),
        (m) => rescheduleMeeting(m, { date: '2026-03-18', time: '', reason: '再改' }, isoDate('2026-03-09')),
        '重新安排会议',
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toBe('未保存：只有已延期的会议可以重新安排时间。');
    expect(selectMeeting('a')(ui.getState())?.date).toBe('2026-03-17');
    ui.getState().setView('calendar');
    ui.getState().setLedgerFilters({ text: 'wm', status: 'overdue' });
    ui.getState().setLedgerSort({ by: 'leader', desc: true });
    expect(ui.getState()).toMatchObject({
      view: 'calendar',
      ledgerFilters: { text: 'wm', status: 'overdue' },
      ledgerSort: { by: 'leader', desc: true },
    });
  });
});
