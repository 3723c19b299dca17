import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from '../../calendar/iso-date';
import { documentId, personId, travelId, unitId } from '../ids';
import type { Registry } from '../registry';
import { parseRegistry } from '../registry-schema';
import type { WorkingDays } from '../working-days';
import base from '../../../test/scenarios/registries/documents.json';
import {
  checkCrossDepartmentRequest,
  checkIncomingAddressing,
  checkInstruction,
  checkRoutingRecord,
  checkSameDay,
  instructionDue,
  isBareInstruction,
  pendingForLeader,
  routeIncoming,
} from './incoming';
import type { IncomingDocument } from './model';

const reg = parseRegistry(base);
const D = isoDate('2026-03-05');
const p = personId;
const u = unitId;
const cal: WorkingDays = {
  isWorkingDay: (d) => !isWeekend(d),
  addWorkingDays(from: IsoDate, n: number) {
    let d = from;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (!isWeekend(d)) left--;
    }
    return d;
  },
};

const doc = (extra: Partial<IncomingDocument> = {}): IncomingDocument => ({
  id: documentId('i-1'),
  direction: 'incoming',
  title: '关于春耕资金的请示',
  kind: 'request',
  fromUnitId: u('u-agr'),
  addressedTo: { kind: 'government' },
  registeredOn: isoDate('2026-03-02'),
  ...extra,
});
const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);
const awayAll = (who: string[]): Registry => ({
  ...reg,
  travels: who.map((w) => ({
    id: travelId(`t-${w}`),
    personId: p(w),
    from: isoDate('2026-03-01'),
    to: isoDate('2026-03-10'),
    destination: '北京',
    purpose: '学习',
    reportedTo: ['districtHead' as const],
    reportedOn: isoDate('2026-02-27'),
  })),
});

describe('checkIncomingAddressing (art. 49)', () => {
  const toLeader = { kind: 'leader' as const, personId: p('p-dep-b') };
  it('flags a document sent to a leader personally, naming sender and leader', () => {
    const [f] = checkIncomingAddressing(doc({ addressedTo: toLeader }), reg);
    expect(f).toMatchObject({ ruleId: 'incoming.addressing', articles: [49], severity: 'warn' });
    expect(f?.message).toContain('区农业农村局');
    expect(f?.message).toContain('赵晓梅');
  });
  it('accepts the government, an assigned item and a 绝密 item', () => {
    expect(checkIncomingAddressing(doc(), reg)).toEqual([]);
    expect(checkIncomingAddressing(doc({ addressedTo: toLeader, assignedByLeader: true }), reg)).toEqual([]);
    expect(checkIncomingAddressing(doc({ addressedTo: toLeader, classification: { level: 'topSecret' } }), reg)).toEqual([]);
  });
});

describe('checkCrossDepartmentRequest (art. 49)', () => {
  const lead = { personId: p('p-agr-head'), date: isoDate('2026-02-27') };
  const cs = (unit: string, who: string) => ({ unitId: u(unit), personId: p(who), date: isoDate('2026-02-27') });
  it('ignores documents that are not cross-department 请示', () => {
    expect(checkCrossDepartmentRequest(doc(), reg)).toEqual([]);
    expect(
      checkCrossDepartmentRequest(doc({ kind: 'report', crossDepartment: { concernedUnitIds: [u('u-nat')], countersignatures: [] } }), reg),
    ).toEqual([]);
  });
  it('asks for the lead head’s signature, and refuses someone who is not the head', () => {
    const missing = doc({ crossDepartment: { concernedUnitIds: [u('u-nat')], countersignatures: [cs('u-nat', 'p-nat-head')] } });
    expect(ids(checkCrossDepartmentRequest(missing, reg))).toEqual(['incoming.request.leadSignature']);
    const wrong = doc({
      crossDepartment: {
        concernedUnitIds: [u('u-nat')],
        leadSignature: { personId: p('p-fin-head'), date: lead.date },
        countersignatures: [cs('u-nat', 'p-nat-head')],
      },
    });
    const [f] = checkCrossDepartmentRequest(wrong, reg);
    expect(f?.message).toContain('郑海');
  });
  it('names the departments whose countersignature is missing or not by a leader', () => {
    const d = doc({
      crossDepartment: {
        concernedUnitIds: [u('u-nat'), u('u-fin'), u('u-edu')],
        leadSignature: lead,
        countersignatures: [cs('u-nat', 'p-edu-head'), cs('u-fin', 'p-fin-deputy')],
      },
    });
    const fs = checkCrossDepartmentRequest(d, reg);
    expect(ids(fs)).toEqual(['incoming.request.countersign', 'incoming.request.countersignerNotLeader']);
    expect(fs[0]?.message).toContain('区教育局');
    expect(fs[0]?.message).not.toContain('区财政局');
    expect(fs[1]?.message).toContain('区自然资源局');
  });
  it('lists the sides without grounds and a missing recommendation', () => {
    const d = doc({
      crossDepartment: {
        concernedUnitIds: [u('u-nat')],
        leadSignature: lead,
        countersignatures: [cs('u-nat', 'p-nat-head')],
        disagreement: { sides: [{ unitId: u('u-agr'), grounds: '需尽快拨付' }, { unitId: u('u-nat'), grounds: '  ' }] },
      },
    });
    const [f] = checkCrossDepartmentRequest(d, reg);
    expect(f?.ruleId).toBe('incoming.request.disagreement');
    expect(f?.message).toContain('区自然资源局');
    expect(f?.message).toContain('办理建议');
  });
});

describe('routeIncoming (art. 50, art. 9)', () => {
  it('routes by portfolio with a Chinese reason', () => {
    const r = routeIncoming(doc(), reg, D);
    expect(r).toMatchObject({ leaderId: p('p-dep-b'), nominalId: p('p-dep-b'), findings: [] });
    expect(r.reason).toContain('第五十条');
  });
  it('routes an assigned item and a 绝密 item back to the leader', () => {
    const to = { kind: 'leader' as const, personId: p('p-exec') };
    expect(routeIncoming(doc({ addressedTo: to, assignedByLeader: true }), reg, D).reason).toContain('交办');
    expect(routeIncoming(doc({ addressedTo: to, classification: { level: 'topSecret' } }), reg, D).reason).toContain('绝密');
  });
  it('goes to the acting leader, or warns when nobody acts', () => {
    const acting = routeIncoming(doc(), awayAll(['p-dep-b']), D);
    expect(acting).toMatchObject({ leaderId: p('p-dep-a'), nominalId: p('p-dep-b') });
    expect(acting.reason).toContain('代管');
    const stuck = routeIncoming(doc(), awayAll(['p-dep-b', 'p-dep-a']), D);
    expect(stuck.leaderId).toBe(p('p-dep-b'));
    expect(ids(stuck.findings)).toEqual(['incoming.route.noActing']);
  });
  it('sends a unit without a deputy to the 区长 (or the acting 常务副区长), and blocks with no 区长', () => {
    const stats = doc({ fromUnitId: u('u-stats') });
    expect(routeIncoming(stats, reg, D).leaderId).toBe(p('p-head'));
    expect(routeIncoming(stats, awayAll(['p-head']), D).leaderId).toBe(p('p-exec'));
    const noHead: Registry = { ...reg, posts: reg.posts.filter((h) => h.post !== 'districtHead') };
    const r = routeIncoming(stats, noHead, D);
    expect(r.leaderId).toBeUndefined();
    expect(ids(r.findings)).toEqual(['incoming.route.noDeputy', 'incoming.route.noLeader']);
  });
  it('flags a recorded routing that differs from the portfolio', () => {
    expect(checkRoutingRecord(doc(), reg)).toEqual([]);
    expect(checkRoutingRecord(doc({ routing: { leaderId: p('p-dep-b'), date: D } }), reg)).toEqual([]);
    expect(ids(checkRoutingRecord(doc({ routing: { leaderId: p('p-dep-a'), date: D } }), reg))).toEqual([
      'incoming.route.mismatch',
    ]);
  });
});

describe('instructions (art. 54)', () => {
  it('recognises bare reading marks and a bare name', () => {
    for (const t of ['阅', '已阅。', ' 圈阅 ', '赵晓梅', '赵晓梅 3.5', '已阅 赵晓梅 2026年3月5日', '√', '']) {
      expect(isBareInstruction(t, '赵晓梅'), t).toBe(true);
    }
    for (const t of ['同意', '请农业农村局牵头办理，3月20日前报结果。', '不同意，按原方案执行']) {
      expect(isBareInstruction(t, '赵晓梅'), t).toBe(false);
    }
    expect(isBareInstruction('阅')).toBe(true);
  });
  it('blocks a bare mark on a 请示 and warns on a report', () => {
    const i = { leaderId: p('p-dep-b'), date: D, text: '阅' };
    expect(checkInstruction(doc(), i, reg).map((f) => f.severity)).toEqual(['block']);
    expect(checkInstruction(doc({ kind: 'report' }), i, reg).map((f) => f.severity)).toEqual(['warn']);
    expect(checkInstruction(doc(), { ...i, text: '同意，请财政局拨付。' }, reg)).toEqual([]);
  });
  it('gives one working day for the instruction (当日事当日清)', () => {
    const routed = doc({ routing: { leaderId: p('p-dep-b'), date: isoDate('2026-03-06') } });
    expect(instructionDue(routed, cal)).toBe('2026-03-09');
    expect(instructionDue(doc(), cal)).toBeUndefined();
    expect(checkSameDay(doc(), reg, cal, D)).toEqual([]);
    expect(checkSameDay(routed, reg, cal, isoDate('2026-03-09'))).toEqual([]);
    expect(ids(checkSameDay(routed, reg, cal, isoDate('2026-03-10')))).toEqual(['incoming.instruction.sameDay']);
    const late = { ...routed, instructions: [{ leaderId: p('p-dep-b'), date: isoDate('2026-03-10'), text: '请办理' }] };
    expect(checkSameDay(late, reg, cal, isoDate('2026-03-12'))[0]?.message).toContain('2026-03-10 才批示');
  });
  it('lists a leader’s pending items oldest first, marking the overdue ones', () => {
    const a = doc({ id: documentId('a'), routing: { leaderId: p('p-dep-b'), date: isoDate('2026-03-05') } });
    const b = doc({ id: documentId('b'), routing: { leaderId: p('p-dep-b'), date: isoDate('2026-03-02') } });
    const c = doc({ id: documentId('c'), routing: { leaderId: p('p-dep-a'), date: isoDate('2026-03-02') } });
    const done = doc({
      id: documentId('d'),
      routing: { leaderId: p('p-dep-b'), date: isoDate('2026-03-02') },
      instructions: [{ leaderId: p('p-dep-b'), date: isoDate('2026-03-02'), text: '同意' }],
    });
    const list = pendingForLeader([a, b, c, done], p('p-dep-b'), reg, cal, isoDate('2026-03-05'));
    expect(list.map((x) => [x.doc.id, x.overdue])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });
});
