import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from '../../calendar/iso-date';
import { documentId, personId } from '../ids';
import type { WorkingDays } from '../working-days';
import type { OutgoingDocument } from './model';
import {
  applyOutgoingAction,
  headingNumeral,
  diffLines,
  diffVersions,
  headingLabels,
  outgoingDeadlines,
  outgoingRecordSchema,
  outgoingSettingsSchema,
  outgoingStateOf,
  overdueDeadlines,
  registerYear,
  stepOfAction,
  DEFAULT_OUTGOING_SETTINGS,
  type OutgoingRecord,
} from './outgoing-record';

const cal: WorkingDays = {
  isWorkingDay: (d) => !isWeekend(d),
  addWorkingDays(from: IsoDate, n: number) {
    let d = from;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (!isWeekend(d)) left--;
    }
    return d;
  },
};

const head = personId('p-head');
const d = isoDate;

const doc: OutgoingDocument = {
  id: documentId('o1'),
  direction: 'outgoing',
  title: '关于申请专项资金的请示',
  kind: 'request',
  issuer: { kind: 'government' },
  flow: 'upward',
  necessity: {
    callOrMeetingWouldDo: false,
    concernsOneDepartment: false,
    departmentOwnBusiness: false,
    lawAlreadyProvides: false,
    noRealContent: false,
  },
};

const record: OutgoingRecord = {
  doc,
  createdOn: d('2026-03-02'),
  mainRecipients: [{ name: '示例市人民政府' }],
  ccRecipients: [],
  versions: [
    {
      version: 1,
      savedAt: '2026-03-02 09:00',
      savedBy: '文书',
      title: doc.title,
      body: [
        { level: 0, text: '市政府：' },
        { level: 1, text: '基本情况' },
        { level: 2, text: '项目概况' },
      ],
    },
  ],
  deliveries: [],
  tasks: [],
};

const signed = applyOutgoingAction(
  record,
  { type: 'sign', signature: { personId: head, date: d('2026-03-05'), role: 'sign' } },
  cal,
);

describe('draft text', () => {
  it('numbers Chinese headings and restarts lower levels under a new higher heading', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105].map(headingNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
    ]);
    expect(
      headingLabels([
        { level: 1, text: 'a' },
        { level: 2, text: 'b' },
        { level: 3, text: 'c' },
        { level: 4, text: 'd' },
        { level: 0, text: 'p' },
        { level: 2, text: 'e' },
        { level: 3, text: 'f' },
        { level: 1, text: 'g' },
        { level: 2, text: 'h' },
      ]),
    ).toEqual(['一、', '（一）', '1.', '（1）', '', '（二）', '1.', '二、', '（一）']);
  });

  it('diffs two versions line by line, headings numbered', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
    const v1 = record.versions[0]!;
    const v2 = { ...v1, version: 2, body: [...v1.body, { level: 1 as const, text: '资金需求' }] };
    expect(diffVersions(v1, v2).filter((l) => l.op !== 'same')).toEqual([
      { op: 'added', text: '二、资金需求' },
    ]);
  });
});

describe('actions', () => {
  it('appends draft versions and refuses edits after signing', () => {
    const v2 = { ...record.versions[0]!, version: 2, title: '改后的标题' };
    const r2 = applyOutgoingAction(record, { type: 'saveDraft', version: v2 }, cal);
    expect(r2.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(r2.doc.title).toBe('改后的标题');
    expect(() => applyOutgoingAction(signed, { type: 'saveDraft', version: v2 }, cal)).toThrow(/已签发/);
  });

  it('moves through the states as steps are recorded', () => {
    expect(outgoingStateOf(record)).toBe('drafting');
    expect(outgoingStateOf(signed)).toBe('signed');
    const numbered = applyOutgoingAction(
      signed,
      { type: 'number', documentNumber: '崆政发〔2026〕3号' },
      cal,
    );
    expect(outgoingStateOf(numbered)).toBe('numbered');
    expect(registerYear(numbered)).toBe(2026);
    expect(() =>
      applyOutgoingAction(numbered, { type: 'number', documentNumber: '崆政发〔2026〕4号' }, cal),
    ).toThrow(/重复编号/);
    const printed = applyOutgoingAction(
      numbered,
      { type: 'print', print: { date: d('2026-03-06'), copies: 20 } },
      cal,
    );
    const sealed = applyOutgoingAction(
      printed,
      { type: 'seal', seal: { date: d('2026-03-06'), operatorId: head } },
      cal,
    );
    expect(outgoingStateOf(sealed)).toBe('sealed');
    const sent = applyOutgoingAction(
      sealed,
      {
        type: 'deliver',
        delivery: { recipient: '示例市人民政府', method: 'paper', deliveredOn: d('2026-03-09') },
      },
      cal,
    );
    expect(outgoingStateOf(sent)).toBe('distributed');
    expect(
      outgoingStateOf(
        applyOutgoingAction(
          sent,
          { type: 'archive', archive: { on: d('2026-03-20'), retention: '30y' } },
          cal,
        ),
      ),
    ).toBe('archived');
  });

  it('creates portal and interpretation tasks due 1 working day after printing (art. 53), over a weekend', () => {
    const printed = applyOutgoingAction(
      applyOutgoingAction(signed, { type: 'number', documentNumber: '崆政发〔2026〕3号' }, cal),
      { type: 'print', print: { date: d('2026-03-06'), copies: 20 } }, // a Friday
      cal,
    );
    const pub = applyOutgoingAction(
      printed,
      { type: 'publication', publication: { public: true }, on: d('2026-03-06') },
      cal,
    );
    expect(pub.tasks.map((t) => [t.kind, t.due])).toEqual([
      ['portal', '2026-03-09'],
      ['interpretation', '2026-03-09'],
    ]);
    expect(pub.doc.publication).toEqual({ public: true, interpretation: { plannedOn: '2026-03-09' } });
    expect(overdueDeadlines(pub, cal, d('2026-03-10')).map((x) => x.key)).toEqual([
      'portal',
      'interpretation',
    ]);
    const done = applyOutgoingAction(pub, { type: 'completeTask', kind: 'portal', on: d('2026-03-09') }, cal);
    expect(done.doc.publication).toMatchObject({ portalPublishedOn: '2026-03-09' });
    expect(overdueDeadlines(done, cal, d('2026-03-10')).map((x) => x.key)).toEqual(['interpretation']);
  });

  it('gives a classified document no publication tasks', () => {
    const secret = { ...signed, doc: { ...signed.doc, classification: { level: 'secret' as const } } };
    const printed = applyOutgoingAction(
      applyOutgoingAction(secret, { type: 'number', documentNumber: '崆政发〔2026〕3号' }, cal),
      { type: 'print', print: { date: d('2026-03-06'), copies: 5, serialFrom: 1, serialTo: 5 } },
      cal,
    );
    const pub = applyOutgoingAction(
      printed,
      { type: 'publication', publication: { public: false, reason: 'stateSecret' }, on: d('2026-03-06') },
      cal,
    );
    expect(pub.tasks).toEqual([]);
  });

  it('adds the art. 19 filing task when a normative document is published, due after the filing period', () => {
    const normative = { ...signed, doc: { ...signed.doc, normative: true } };
    const printed = applyOutgoingAction(
      applyOutgoingAction(normative, { type: 'number', documentNumber: '崆政发〔2026〕3号' }, cal),
      { type: 'print', print: { date: d('2026-03-06'), copies: 20 } },
      cal,
    );
    const pub = applyOutgoingAction(
      printed,
      { type: 'publication', publication: { public: true }, on: d('2026-03-06') },
      cal,
    );
    const posted = applyOutgoingAction(
      pub,
      { type: 'completeTask', kind: 'portal', on: d('2026-03-09') },
      cal,
    );
    expect(posted.tasks.find((t) => t.kind === 'filing')).toMatchObject({
      due: '2026-04-08',
      articles: [19],
    });
    const filed = applyOutgoingAction(
      posted,
      {
        type: 'filing',
        filing: { congressFiledOn: d('2026-03-20'), cityLegalOfficeFiledOn: d('2026-03-21') },
        on: d('2026-03-21'),
      },
      cal,
    );
    expect(filed.tasks.find((t) => t.kind === 'filing')?.doneOn).toBe('2026-03-21');
  });

  it('maps actions to the rulebook steps', () => {
    expect(
      stepOfAction({
        type: 'sign',
        signature: { personId: head, date: d('2026-03-05'), role: 'countersign' },
      }),
    ).toBe('countersign');
    expect(stepOfAction({ type: 'seal', seal: { date: d('2026-03-05'), operatorId: head } })).toBe('seal');
    expect(
      stepOfAction({
        type: 'deliver',
        delivery: { recipient: 'x', method: 'paper', deliveredOn: d('2026-03-05') },
      }),
    ).toBe(undefined);
  });

  it('lists the print deadline 2 working days after signing', () => {
    expect(outgoingDeadlines(signed, cal)).toEqual([
      { key: 'print', label: '签发后印制', due: '2026-03-09', articles: [53] },
    ]);
  });
});

describe('schemas', () => {
  it('refuses a record without the art. 52 answers, in Chinese', () => {
    const { necessity: _n, ...bare } = doc;
    const parsed = outgoingRecordSchema.safeParse({ ...record, doc: bare });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(
      '请先回答“是否需要发文”的五个问题（第五十二条）',
    );
  });

  it('accepts the default settings and refuses a pattern without a serial', () => {
    expect(outgoingSettingsSchema.safeParse(DEFAULT_OUTGOING_SETTINGS).success).toBe(true);
    const bad = outgoingSettingsSchema.safeParse({
      ...DEFAULT_OUTGOING_SETTINGS,
      numberPatterns: { ...DEFAULT_OUTGOING_SETTINGS.numberPatterns, government: '崆政发〔{year}〕' },
    });
    expect(bad.error?.issues[0]?.message).toMatch(/须包含/);
  });
});
