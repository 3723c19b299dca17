import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from '../../calendar/iso-date';
import { documentId, personId, unitId } from '../ids';
import { parseRegistry } from '../registry-schema';
import type { WorkingDays } from '../working-days';
import base from '../../../test/scenarios/registries/documents.json';
import type { IncomingDocument, NecessityAnswers, OutgoingDocument } from './model';
import { checkDocumentStep, INCOMING_STEPS, OUTGOING_STEPS, type DocumentStepContext } from './steps';

const D = isoDate('2026-03-05');
const p = personId;
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
const ctx: DocumentStepContext = { registry: parseRegistry(base), calendar: cal, date: D };
const NO: NecessityAnswers = {
  callOrMeetingWouldDo: false,
  concernsOneDepartment: false,
  departmentOwnBusiness: false,
  lawAlreadyProvides: false,
  noRealContent: false,
};
const out = (extra: Partial<OutgoingDocument> = {}): OutgoingDocument => ({
  id: documentId('d-1'),
  direction: 'outgoing',
  title: '通知',
  kind: 'notice',
  issuer: { kind: 'government' },
  flow: 'downward',
  draftingUnitId: unitId('u-edu'),
  necessity: NO,
  ...extra,
});
const inc = (extra: Partial<IncomingDocument> = {}): IncomingDocument => ({
  id: documentId('i-1'),
  direction: 'incoming',
  title: '报告',
  kind: 'report',
  fromUnitId: unitId('u-edu'),
  addressedTo: { kind: 'government' },
  registeredOn: D,
  ...extra,
});
const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);
const signedDoc = out({ signatures: [{ personId: p('p-dep-a'), date: D, role: 'sign' }] });

describe('checkDocumentStep', () => {
  it('refuses a step of the other direction (a programming error)', () => {
    expect(() => checkDocumentStep(out(), 'register', ctx)).toThrow(/发文没有“登记”环节/);
    expect(() => checkDocumentStep(inc(), 'sign', ctx)).toThrow(/收文没有“签发”环节/);
  });

  it('answers every step of both directions with findings whose messages are Chinese', () => {
    for (const step of OUTGOING_STEPS) {
      for (const f of checkDocumentStep(out(), step, ctx)) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const step of INCOMING_STEPS) {
      for (const f of checkDocumentStep(inc(), step, ctx)) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  describe('draft and review', () => {
    it('checks the stored direction against kind and recipient, and the issuer of art. 51 items', () => {
      expect(ids(checkDocumentStep(out({ kind: 'request', recipientLevel: 'superior' }), 'draft', ctx))).toEqual([
        'document.flow.mismatch',
      ]);
      expect(checkDocumentStep(out({ recipientLevel: 'subordinate' }), 'draft', ctx)).toEqual([]);
      expect(ids(checkDocumentStep(out({ kind: 'letter', recipientLevel: 'peer' }), 'draft', ctx))).toEqual([
        'document.flow.mismatch',
      ]);
      expect(ids(checkDocumentStep(out({ recipientLevel: 'peer' }), 'draft', ctx))).toEqual(['document.flow.mismatch']);
      const office = out({ issuer: { kind: 'governmentOffice' }, reservedContent: 'personnel' });
      expect(ids(checkDocumentStep(office, 'draft', ctx))).toEqual(['document.reserved.issuer']);
    });
    it('refuses a review recorded by the wrong person', () => {
      const up = out({
        flow: 'upward',
        reviews: [
          { personId: p('p-ddir'), role: 'officeDirector', date: D },
          { personId: p('p-dep-a'), role: 'responsibleDeputy', date: D },
          { personId: p('p-clerk'), role: 'verification', date: D },
        ],
      });
      expect(ids(checkDocumentStep(up, 'review', ctx))).toEqual(['document.review.authority']);
    });
  });

  describe('sign and countersign', () => {
    it('asks who must sign when nothing is recorded', () => {
      const [f] = checkDocumentStep(out(), 'sign', ctx);
      expect(f).toMatchObject({ ruleId: 'document.sign.missing', severity: 'block' });
      expect(f?.message).toContain('王建国');
      const [g] = checkDocumentStep(out(), 'countersign', ctx);
      expect(g).toMatchObject({ ruleId: 'document.sign.missing', severity: 'info' });
    });
    it('checks recorded signatures when none is proposed, and the necessity answers too', () => {
      expect(checkDocumentStep(signedDoc, 'sign', ctx)).toEqual([]);
      const { necessity: _n, ...rest } = signedDoc;
      expect(ids(checkDocumentStep(rest, 'sign', ctx))).toEqual(['document.necessity.unanswered']);
    });
    it('treats the proposed signature as the step’s role', () => {
      const joint = out({ issuer: { kind: 'partyAndGovernment' }, reviews: [{ personId: p('p-dep-a'), role: 'responsibleDeputy', date: D }] });
      const fs = checkDocumentStep(joint, 'countersign', { ...ctx, signature: { personId: p('p-head'), date: D, role: 'sign' } });
      expect(fs).toEqual([]);
    });
  });

  describe('number', () => {
    const numbered = (n: string) => ({ ...signedDoc, documentNumber: n });
    const used = { used: ['崆政发〔2026〕1号', '崆政发〔2026〕2号'] };
    it('numbers only signed documents', () => {
      expect(ids(checkDocumentStep(out({ documentNumber: '崆政发〔2026〕3号' }), 'number', ctx))).toEqual([
        'document.number.unsigned',
      ]);
      expect(checkDocumentStep(signedDoc, 'number', ctx)).toEqual([]);
    });
    it('refuses a malformed or used number and warns on a skipped one', () => {
      const c = { ...ctx, numbering: used };
      expect(checkDocumentStep(numbered('崆政发〔2026〕3号'), 'number', c)).toEqual([]);
      expect(ids(checkDocumentStep(numbered('崆政发2026-3'), 'number', c))).toEqual(['document.number.format']);
      expect(ids(checkDocumentStep(numbered('崆政发〔2026〕2号'), 'number', c))).toEqual(['document.number.duplicate']);
      expect(ids(checkDocumentStep(numbered('崆政发〔2026〕5号'), 'number', c))).toEqual(['document.number.gap']);
      const office = { ...numbered('崆政办发〔2026〕1号'), issuer: { kind: 'governmentOffice' as const } };
      expect(checkDocumentStep(office, 'number', ctx)).toEqual([]);
    });
  });

  describe('print, seal, publish, file', () => {
    it('delegates to the deadline rules', () => {
      expect(ids(checkDocumentStep(out(), 'print', ctx))).toEqual(['document.print.unsigned']);
      expect(ids(checkDocumentStep(out(), 'seal', ctx))).toEqual(['document.seal.beforeSigning']);
      expect(ids(checkDocumentStep(signedDoc, 'publish', ctx))).toEqual(['document.publish.undecided']);
      expect(checkDocumentStep(signedDoc, 'file', ctx).map((f) => f.severity)).toEqual(['info']);
      expect(checkDocumentStep({ ...signedDoc, normative: true }, 'file', ctx)).toEqual([]);
    });
  });

  describe('incoming', () => {
    it('registers, routes and checks the recorded routing', () => {
      expect(ids(checkDocumentStep(inc({ addressedTo: { kind: 'leader', personId: p('p-dep-a') } }), 'register', ctx))).toEqual([
        'incoming.addressing',
      ]);
      const proposal = { text: '拟请王建国副区长阅示。', byId: p('p-ddir'), date: D };
      expect(ids(checkDocumentStep(inc(), 'route', ctx))).toEqual(['incoming.route.noProposal']);
      expect(checkDocumentStep(inc({ proposal }), 'route', ctx)).toEqual([]);
      expect(ids(checkDocumentStep(inc({ proposal, routing: { leaderId: p('p-dep-b'), date: D } }), 'route', ctx))).toEqual([
        'incoming.route.mismatch',
      ]);
    });
    it('checks a proposed instruction, or the recorded ones', () => {
      const routed = inc({ routing: { leaderId: p('p-dep-a'), date: D } });
      const bare = { leaderId: p('p-dep-a'), date: D, text: '阅' };
      expect(ids(checkDocumentStep(routed, 'instruct', { ...ctx, instruction: bare }))).toEqual(['incoming.instruction.specific']);
      expect(ids(checkDocumentStep({ ...routed, instructions: [bare] }, 'instruct', ctx))).toEqual([
        'incoming.instruction.specific',
      ]);
    });
    it('circulates and assigns only after an instruction, with sane due dates', () => {
      expect(ids(checkDocumentStep(inc(), 'circulate', ctx))).toEqual(['incoming.circulate.noInstruction']);
      const instructed = inc({ instructions: [{ leaderId: p('p-dep-a'), date: D, text: '请教育局办理' }] });
      expect(checkDocumentStep(instructed, 'circulate', ctx)).toEqual([]);
      const bad = { ...instructed, assignments: [{ unitId: unitId('u-edu'), assignedOn: D, due: isoDate('2026-03-01') }] };
      expect(ids(checkDocumentStep(bad, 'assign', ctx))).toEqual(['incoming.assign.dueBeforeAssigned']);
      expect(ids(checkDocumentStep(inc(), 'assign', ctx))).toEqual(['incoming.assign.noInstruction']);
    });
    it('completes only when every assignment is done, and archives only completed items', () => {
      const open = inc({ assignments: [{ unitId: unitId('u-edu'), assignedOn: D, due: D }] });
      expect(ids(checkDocumentStep(open, 'complete', ctx))).toEqual(['incoming.complete.openAssignments']);
      const done = inc({ assignments: [{ unitId: unitId('u-edu'), assignedOn: D, due: D, doneOn: D }], completedOn: D });
      expect(checkDocumentStep(done, 'complete', ctx)).toEqual([]);
      const unread = { ...done, circulation: [{ personId: p('p-fin-head'), sentOn: D }] };
      const [f] = checkDocumentStep(unread, 'complete', ctx);
      expect(f).toMatchObject({ ruleId: 'incoming.complete.unread', severity: 'warn' });
      expect(f?.message).toContain('周强');
      expect(checkDocumentStep({ ...unread, circulation: [{ personId: p('p-fin-head'), sentOn: D, readOn: D }] }, 'complete', ctx)).toEqual([]);
      expect(checkDocumentStep(done, 'archive', ctx)).toEqual([]);
    });
  });
});
