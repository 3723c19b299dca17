import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/calendar/iso-date';
import { decisionId, meetingId, personId, unitId } from '../../shared/domain/ids';
import { markReportDone } from '../../shared/domain/meetings/aftermath';
import { addDecision, closeDecision, reportProgress } from '../../shared/domain/meetings/decisions';
import { newMeeting, reviseMinutes, type Meeting } from '../../shared/domain/meeting';
import { meetingsRepository } from './meetings-repo';
import { fixedNow, freshStore, rejection } from './test-store';

async function fresh() {
  const store = await freshStore('meetings-test');
  return { store, repo: meetingsRepository(store.db, fixedNow) };
}

const head = personId('p-head');
const dep = personId('p-dep1');

function meeting(id: string, fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId(id),
    kind: 'executive',
    title: `会议${id}`,
    date: isoDate('2026-03-10'),
    place: '区政府常务会议室',
    convenorId: head,
    chairId: head,
    ...fields,
  });
}

describe('meetings repository', () => {
  it('creates and reads back a meeting, with one audit entry carrying the action', async () => {
    const { store, repo } = await fresh();
    const m = meeting('m1', { time: '09:00', recorderId: personId('p-clerk') });
    await repo.create(m, { context: '新建会议' });
    expect(await repo.get(meetingId('m1'))).toEqual(m);
    const audit = await store.audit.forRecord('meetings', 'm1');
    expect(audit.map((a) => [a.action, a.context])).toEqual([['create', '新建会议']]);
  });

  it('updates in one transaction and stores the override reason in the audit context', async () => {
    const { store, repo } = await fresh();
    const m = meeting('m1');
    await repo.create(m, { context: '新建会议' });
    await repo.update(
      { ...m, state: 'agendaApproved' },
      { context: '审定议题（越过提示，理由：区长已口头同意）' },
    );
    expect((await repo.get(meetingId('m1')))?.state).toBe('agendaApproved');
    const audit = await store.audit.forRecord('meetings', 'm1');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]?.context).toContain('区长已口头同意');
    expect(audit[1]?.beforeDigest).toBe(audit[0]?.afterDigest);
  });

  it('refuses an invalid meeting with Chinese field messages and writes nothing', async () => {
    const { store, repo } = await fresh();
    const e = await rejection(repo.create({ ...meeting('m1'), date: '2026-13-40' }, { context: '新建会议' }));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^会议未保存：会议日期/);
    expect(await repo.list()).toEqual([]);
    expect(await store.audit.forRecord('meetings', 'm1')).toEqual([]);
  });

  it('refuses a duplicate id and an update of a missing meeting', async () => {
    const { repo } = await fresh();
    await repo.create(meeting('m1'), { context: '新建会议' });
    expect((await rejection(repo.create(meeting('m1'), { context: '新建会议' }))).message).toContain(
      '已存在',
    );
    expect((await rejection(repo.update(meeting('m2'), { context: '修改会议' }))).code).toBe('not-found');
  });

  it('refuses to change signed minutes but accepts a correction as a new version', async () => {
    const { repo } = await fresh();
    const signed = meeting('m1', {
      state: 'minutesSigned',
      recorderId: personId('p-clerk'),
      minutes: [
        {
          version: 1,
          draftedOn: isoDate('2026-03-11'),
          text: '原稿',
          signature: { byId: head, on: isoDate('2026-03-12') },
        },
      ],
    });
    await repo.create(signed, { context: '导入' });
    const tampered = { ...signed, minutes: [{ ...signed.minutes[0], text: '改过的' }] };
    const e = await rejection(repo.update(tampered, { context: '修改纪要' }));
    expect(e.message).toContain('不能修改或删除');
    const corrected = reviseMinutes(signed, '更正稿', isoDate('2026-03-13'));
    await repo.update(corrected, { context: '更正纪要' });
    expect((await repo.get(meetingId('m1')))?.minutes.map((v) => v.version)).toEqual([1, 2]);
  });

  it('lists by kind, state, chair and month through the indexes, ordered by date and time', async () => {
    const { repo } = await fresh();
    const rows = [
      meeting('a', { date: isoDate('2026-03-20'), time: '15:00' }),
      meeting('b', { date: isoDate('2026-03-20'), time: '09:00' }),
      meeting('c', { kind: 'special', chairId: dep, convenorId: dep, date: isoDate('2026-03-05') }),
      meeting('d', { date: isoDate('2026-04-02'), state: 'held', recorderId: personId('p-clerk') }),
    ];
    for (const m of rows) await repo.create(m, { context: '新建会议' });
    const ids = (ms: readonly Meeting[]) => ms.map((m) => m.id);
    expect(ids(await repo.list())).toEqual(['c', 'b', 'a', 'd']);
    expect(
      ids(await repo.list({ kind: 'executive', from: isoDate('2026-03-01'), to: isoDate('2026-03-31') })),
    ).toEqual(['b', 'a']);
    expect(ids(await repo.list({ state: 'held' }))).toEqual(['d']);
    expect(ids(await repo.list({ chairId: dep }))).toEqual(['c']);
    expect(ids(await repo.list({ from: isoDate('2026-04-01'), to: isoDate('2026-04-30') }))).toEqual(['d']);
    expect(ids(await repo.list({ kind: 'executive', state: 'planned' }))).toEqual(['b', 'a']);
  });
});

describe('meetings repository: modify (one action on the stored meeting)', () => {
  it('applies the change to the stored meeting in one audited transaction', async () => {
    const { store, repo } = await fresh();
    await repo.create(meeting('m1', { state: 'held', recorderId: personId('p-clerk') }), {
      context: '新建会议',
    });
    const saved = await repo.modify(
      meetingId('m1'),
      (m) => markReportDone(m, 'cppcc', { on: '2026-03-11', by: '陈晓东', note: '' }),
      { context: '常务会议会后报告：向区政协通报情况' },
    );
    expect(saved.reportTasks).toEqual([{ target: 'cppcc', doneOn: '2026-03-11', doneBy: '陈晓东' }]);
    expect((await repo.get(meetingId('m1')))?.reportTasks).toEqual(saved.reportTasks);
    const audit = await store.audit.forRecord('meetings', 'm1');
    expect(audit.map((a) => [a.action, a.context])).toEqual([
      ['create', '新建会议'],
      ['update', '常务会议会后报告：向区政协通报情况'],
    ]);
  });

  it('turns a refused action into a Chinese StoreError and writes nothing', async () => {
    const { store, repo } = await fresh();
    await repo.create(meeting('m1'), { context: '新建会议' });
    const e = await rejection(
      repo.modify(
        meetingId('m1'),
        (m) => closeDecision(m, decisionId('d-x'), isoDate('2026-03-12'), '办结'),
        {
          context: '办结决定事项',
        },
      ),
    );
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('未保存：找不到这项决定事项，可能已被修改。请刷新后重试。');
    expect(await store.audit.forRecord('meetings', 'm1')).toHaveLength(1);
  });

  it('validates the result, refuses a missing meeting and keeps signed minutes frozen', async () => {
    const { repo } = await fresh();
    const signed = meeting('m1', {
      state: 'minutesSigned',
      recorderId: personId('p-clerk'),
      minutes: [
        {
          version: 1,
          draftedOn: isoDate('2026-03-11'),
          text: '原稿',
          signature: { byId: head, on: isoDate('2026-03-12') },
        },
      ],
    });
    await repo.create(signed, { context: '导入' });
    const invalid = await rejection(
      repo.modify(
        meetingId('m1'),
        (m) => ({ ...m, decisions: [{ id: decisionId('d1'), text: '', progress: [], evidence: [] }] }),
        {
          context: '登记决定事项',
        },
      ),
    );
    expect(invalid.message).toContain('请填写决定事项');
    const frozen = await rejection(
      repo.modify(meetingId('m1'), (m) => ({ ...m, minutes: [] }), { context: '删除纪要' }),
    );
    expect(frozen.message).toContain('不能修改或删除');
    expect((await rejection(repo.modify(meetingId('nope'), (m) => m, { context: 'x' }))).code).toBe(
      'not-found',
    );
    expect((await repo.get(meetingId('m1')))?.minutes).toHaveLength(1);
    // A real action goes through: a decision from the signed minutes.
    const withDecision = await repo.modify(
      meetingId('m1'),
      (m) =>
        addDecision(
          m,
          { text: '同意方案', ownerUnitId: unitId('u1'), responsibleLeaderId: dep, dueDate: '2026-03-31' },
          decisionId('d1'),
          isoDate('2026-03-12'),
        ),
      { context: '登记决定事项' },
    );
    expect(withDecision.decisions.map((d) => d.text)).toEqual(['同意方案']);
  });
});

describe('meetings repository: evidence files', () => {
  it('stores the files with the action in one transaction, and nothing when the action is refused', async () => {
    const { store, repo } = await fresh();
    const base = addDecision(
      meeting('m1', { state: 'minutesSigned', recorderId: personId('p-clerk') }),
      { text: '同意方案', ownerUnitId: unitId('u1'), responsibleLeaderId: dep, dueDate: '2026-03-31' },
      decisionId('d1'),
      isoDate('2026-03-12'),
    );
    await repo.create(base, { context: '导入' });
    const file = {
      id: 'att-1',
      ownerId: 'd1',
      name: '中标通知书.pdf',
      mime: 'application/pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
    };
    const saved = await repo.modify(
      meetingId('m1'),
      (m) =>
        reportProgress(m, decisionId('d1'), { on: '2026-03-20', note: '已招标', evidence: '' }, [
          { attachmentId: file.id, name: file.name },
        ]),
      { context: '报告决定事项进展' },
      [file],
    );
    expect(saved.decisions[0]?.progress[0]?.files).toEqual([
      { attachmentId: 'att-1', name: '中标通知书.pdf' },
    ]);
    const row = await repo.attachment('att-1');
    expect(row?.name).toBe('中标通知书.pdf');
    expect(Array.from(row?.bytes as Uint8Array)).toEqual([37, 80, 68, 70]);
    expect((await store.audit.forRecord('attachments', 'att-1')).map((a) => a.context)).toEqual([
      '报告决定事项进展',
    ]);

    const refused = await rejection(
      repo.modify(
        meetingId('m1'),
        (m) =>
          closeDecision(
            closeDecision(m, decisionId('d1'), isoDate('2026-03-30'), '办结'),
            decisionId('d1'),
            isoDate('2026-03-30'),
            '再次',
          ),
        { context: '办结' },
        [{ ...file, id: 'att-2' }],
      ),
    );
    expect(refused.message).toContain('已于2026-03-30办结');
    expect(await repo.attachment('att-2')).toBeUndefined();
    const big = await rejection(
      repo.modify(meetingId('m1'), (m) => m, { context: 'x' }, [
        { ...file, id: 'att-3', bytes: new Uint8Array(20 * 1024 * 1024 + 1) },
      ]),
    );
    expect(big.message).toContain('超过 20 MB');
  });
});
