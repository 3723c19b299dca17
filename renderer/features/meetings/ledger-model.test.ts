import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import { decisionId, meetingId, personId, unitId } from '../../../shared/domain/ids';
import { newMeeting, type DecisionItem, type Meeting } from '../../../shared/domain/meeting';
import { emptyRegistry, type Registry } from '../../../shared/domain/registry';
import { pinyinInitials } from '../../data/pinyin';
import { sheetData } from '../../ui/xlsx';
import {
  filterLedger,
  ledgerOptions,
  ledgerRows,
  ledgerSheet,
  memoInitials,
  sortLedger,
  type LedgerRow,
} from './ledger-model';

const zjj = unitId('u-zjj');
const jyj = unitId('u-jyj');
const sun = personId('p-sun');
const wang = personId('p-wang');
const reg: Registry = {
  ...emptyRegistry,
  people: [
    { id: sun, name: '孙丽华', partyMember: true },
    { id: wang, name: '王明', partyMember: true },
  ],
  units: [
    { id: zjj, name: '区住房和城乡建设局', kind: 'department' },
    { id: jyj, name: '区教育局', kind: 'department' },
  ],
} as Registry;

const item = (id: string, fields: Partial<DecisionItem>): DecisionItem => ({
  id: decisionId(id),
  text: `事项${id}`,
  progress: [],
  evidence: [],
  ...fields,
});

function meeting(
  id: string,
  kind: Meeting['kind'],
  date: string,
  decisions: DecisionItem[],
  state: Meeting['state'] = 'minutesSigned',
) {
  return newMeeting({
    id: meetingId(id),
    kind,
    title: `会议${id}`,
    date: isoDate(date),
    place: '会议室',
    convenorId: sun,
    chairId: sun,
    state,
    decisions,
  });
}

const today = isoDate('2026-04-10');
const meetings = [
  meeting('m1', 'executive', '2026-03-10', [
    item('a', {
      text: '老旧小区改造',
      ownerUnitId: zjj,
      responsibleLeaderId: sun,
      dueDate: isoDate('2026-03-31'),
    }),
    item('b', {
      text: '学校扩建',
      ownerUnitId: jyj,
      responsibleLeaderId: wang,
      dueDate: isoDate('2026-05-15'),
      progress: [{ on: isoDate('2026-04-01'), note: '已立项' }],
    }),
  ]),
  meeting('m2', 'special', '2026-03-20', [
    item('c', {
      text: '供热保障',
      ownerUnitId: zjj,
      responsibleLeaderId: wang,
      dueDate: isoDate('2026-04-05'),
      closedOn: isoDate('2026-04-03'),
      closingSummary: '已全部供暖',
    }),
    item('d', { text: '未定时限的事项' }),
  ]),
  meeting('m3', 'executive', '2026-03-25', [item('e', { text: '已取消会议的事项' })], 'cancelled'),
];

const keys = (rows: readonly LedgerRow[]) => rows.map((r) => r.decisionId);
const initials = memoInitials(pinyinInitials);
const rows = ledgerRows(meetings, reg, today, initials);

describe('the decisions ledger', () => {
  it('has one row per item of every meeting not cancelled, with names and state as of today', () => {
    expect(keys(rows)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows[0]).toMatchObject({
      ownerUnit: '区住房和城乡建设局',
      leader: '孙丽华',
      status: 'overdue',
      leaderInitials: 'slh',
    });
    expect(rows[1]).toMatchObject({ status: 'open', progressCount: 1, lastProgress: '2026-04-01 已立项' });
    expect(rows[2]).toMatchObject({ status: 'closed', closingSummary: '已全部供暖' });
  });

  it('filters by kind, unit, leader, state and due month', () => {
    expect(keys(filterLedger(rows, { text: '', kind: 'special' }))).toEqual(['c', 'd']);
    expect(keys(filterLedger(rows, { text: '', ownerUnitId: zjj }))).toEqual(['a', 'c']);
    expect(keys(filterLedger(rows, { text: '', leaderId: wang }))).toEqual(['b', 'c']);
    expect(keys(filterLedger(rows, { text: '', status: 'overdue' }))).toEqual(['a']);
    expect(keys(filterLedger(rows, { text: '', dueMonth: '2026-04' }))).toEqual(['c']);
    expect(keys(filterLedger(rows, { text: '', ownerUnitId: zjj, status: 'closed' }))).toEqual(['c']);
  });

  it('searches text, meeting, unit and leader, with pinyin initials for units and people', () => {
    expect(keys(filterLedger(rows, { text: '学校' }))).toEqual(['b']);
    expect(keys(filterLedger(rows, { text: '教育' }))).toEqual(['b']);
    expect(keys(filterLedger(rows, { text: 'wm' }))).toEqual(['b', 'c']);
    expect(keys(filterLedger(rows, { text: 'SLH' }))).toEqual(['a']);
    expect(keys(filterLedger(rows, { text: 'zfhcxjsj' }))).toEqual(['a', 'c']);
    expect(keys(filterLedger(rows, { text: '会议m2' }))).toEqual(['c', 'd']);
    expect(keys(filterLedger(rows, { text: 'xyz' }))).toEqual([]);
  });

  it('sorts by any column, both ways, items without due date last', () => {
    expect(keys(sortLedger(rows, { by: 'dueDate', desc: false }))).toEqual(['a', 'c', 'b', 'd']);
    expect(keys(sortLedger(rows, { by: 'dueDate', desc: true }))).toEqual(['d', 'b', 'c', 'a']);
    expect(keys(sortLedger(rows, { by: 'status', desc: false }))).toEqual(['a', 'b', 'd', 'c']);
    expect(keys(sortLedger(rows, { by: 'meetingDate', desc: true }))).toEqual(['c', 'd', 'a', 'b']);
    expect(sortLedger(rows, { by: 'leader', desc: false }).map((r) => r.leader)).toEqual([
      '',
      '孙丽华',
      '王明',
      '王明',
    ]);
  });

  it('offers filter choices from the rows', () => {
    const o = ledgerOptions(rows);
    expect(o.units.map((u) => u.label).sort()).toEqual(['区住房和城乡建设局', '区教育局'].sort());
    expect(o.leaders.map((u) => u.value).sort()).toEqual([sun, wang].sort());
    expect(o.months).toEqual(['2026-05', '2026-04', '2026-03']);
  });

  it('exports the rows as shown, numbered, with Chinese headers and states', () => {
    const { columns, rows: sheetRows } = ledgerSheet(filterLedger(rows, { text: '', ownerUnitId: zjj }));
    const data = sheetData(columns, sheetRows);
    expect(
      data[0]?.slice(0, 5).map((c) => (c && typeof c === 'object' && 'value' in c ? c.value : c)),
    ).toEqual(['序号', '会议日期', '会议类型', '会议名称', '决定事项']);
    const values = data
      .slice(1)
      .map((r) => r.map((c) => (c && typeof c === 'object' && 'value' in c ? c.value : c)));
    expect(values.map((r) => [r[0], r[4], r[8]])).toEqual([
      [1, '老旧小区改造', '逾期'],
      [2, '供热保障', '已办结'],
    ]);
  });
});
