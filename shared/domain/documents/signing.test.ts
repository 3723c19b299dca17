import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../calendar/iso-date';
import { isoDate } from '../../calendar/iso-date';
import { documentId, personId, travelId, unitId } from '../ids';
import type { Registry, TravelReport } from '../registry';
import { parseRegistry } from '../registry-schema';
import base from '../../../test/scenarios/registries/documents.json';
import type { DocumentSignature, OutgoingDocument } from './model';
import { checkSigningReviews, checkSignature, requiredSigning, signingRowOf } from './signing';

const reg = parseRegistry(base);
const D = isoDate('2026-03-05');
const p = personId;

const away = (who: string, r: Registry = reg): Registry => {
  const t: TravelReport = {
    id: travelId(`t-${who}`),
    personId: p(who),
    from: isoDate('2026-03-04'),
    to: isoDate('2026-03-06'),
    destination: '兰州',
    purpose: '会议',
    reportedTo: ['districtHead'],
    reportedOn: isoDate('2026-03-02'),
  };
  return { ...r, travels: [...r.travels, t] };
};

const doc = (extra: Partial<OutgoingDocument> = {}): OutgoingDocument => ({
  id: documentId('d-1'),
  direction: 'outgoing',
  title: '关于做好春季开学工作的通知',
  kind: 'notice',
  issuer: { kind: 'government' },
  flow: 'downward',
  draftingUnitId: unitId('u-edu'),
  ...extra,
});

const sig = (who: string, extra: Partial<DocumentSignature> = {}): DocumentSignature => ({
  personId: p(who),
  date: D,
  role: 'sign',
  ...extra,
});

const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);
const signers = (d: OutgoingDocument, r: Registry = reg, date: IsoDate = D) =>
  requiredSigning(d, r, date).signers.map((s) => s.personId);

describe('signingRowOf — the matrix rows', () => {
  it('puts art. 51 content first, whatever the issuer', () => {
    expect(signingRowOf(doc({ kind: 'order' }))).toBe('art51Reserved');
    expect(signingRowOf(doc({ issuer: { kind: 'governmentOffice' }, reservedContent: 'personnel' }))).toBe('art51Reserved');
  });
  it('sends the government’s meeting minutes to the 区长 under art. 47', () => {
    expect(signingRowOf(doc({ kind: 'minutes', issuer: { kind: 'governmentOffice' } }))).toBe('meetingMinutes');
    expect(signingRowOf(doc({ kind: 'minutes', issuer: { kind: 'partyAndGovernment' } }))).toBe('partyAndGovernmentJoint');
    expect(requiredSigning(doc({ kind: 'minutes' }), reg, D).articles).toEqual([47]);
  });
  it('splits 区政府 documents by direction and names each joint form', () => {
    expect(signingRowOf(doc({ flow: 'upward' }))).toBe('governmentUpward');
    expect(signingRowOf(doc({ flow: 'parallel' }))).toBe('governmentParallelOrDownward');
    expect(signingRowOf(doc({ issuer: { kind: 'partyAndGovernment' } }))).toBe('partyAndGovernmentJoint');
    expect(signingRowOf(doc({ issuer: { kind: 'partyOfficeAndGovernmentOffice' } }))).toBe(
      'partyOfficeAndGovernmentOfficeJoint',
    );
  });
});

describe('requiredSigning', () => {
  it('uses the drafting unit’s deputy, or the named one', () => {
    expect(signers(doc())).toEqual([p('p-dep-a')]);
    expect(signers(doc({ responsibleDeputyId: p('p-dep-b') }))).toEqual([p('p-dep-b')]);
  });

  it('blocks when no deputy can be found, and when no 区长 is on record', () => {
    const req = requiredSigning(doc({ draftingUnitId: undefined }), reg, D);
    expect(req.signers[0]?.personId).toBeUndefined();
    expect(req.gaps.map((g) => [g.ruleId, g.severity])).toEqual([['document.sign.postVacant', 'block']]);
    const noHead: Registry = { ...reg, posts: reg.posts.filter((h) => h.post !== 'districtHead') };
    const up = requiredSigning(doc({ flow: 'upward' }), noHead, D);
    expect(up.gaps[0]?.message).toContain('区长');
  });

  it('applies art. 9: the 常务副区长 for an away 区长, the coverage for an away deputy', () => {
    const req = requiredSigning(doc({ flow: 'upward' }), away('p-head'), D);
    expect(req.signers[0]).toMatchObject({ nominalId: p('p-head'), personId: p('p-exec') });
    expect(req.reason).toContain('第九条');
    expect(signers(doc(), away('p-dep-a'))).toEqual([p('p-dep-b')]);
    // Outside the trip the holder signs again.
    expect(signers(doc(), away('p-dep-a'), isoDate('2026-03-09'))).toEqual([p('p-dep-a')]);
  });

  it('warns when an away holder has nobody to act for them, and reports that gap once', () => {
    const r = away('p-dep-b', away('p-dep-a'));
    const req = requiredSigning(doc({ escalation: { to: 'districtHead', reason: '重要' }, flow: 'parallel' }), r, D);
    expect(req.signers.map((s) => s.personId)).toEqual([p('p-head')]);
    expect(req.reviewers[0]?.personId).toBe(p('p-dep-a'));
    expect(ids(req.gaps)).toEqual(['document.sign.noActing']);
  });

  it('maps the counterpart signer to our matching leader, and a deputy reports first', () => {
    const peer = (post: 'governmentHead' | 'deputyGovernmentHead' | 'departmentHead') =>
      requiredSigning(
        doc({ issuer: { kind: 'governmentWithPeer', counterpartName: '泾川县人民政府', counterpartSignerPost: post } }),
        reg,
        D,
      );
    expect(peer('governmentHead').signers[0]?.personId).toBe(p('p-head'));
    expect(peer('governmentHead').reportFirstTo).toBeUndefined();
    expect(peer('deputyGovernmentHead').signers[0]?.personId).toBe(p('p-dep-a'));
    expect(peer('departmentHead').reportFirstTo?.personId).toBe(p('p-head'));
    expect(peer('departmentHead').reason).toContain('事前报告区长');
  });

  it('lets the office escalate to the 区长, and the joint offices to the deputy', () => {
    const office = requiredSigning(doc({ issuer: { kind: 'governmentOffice' }, escalation: { to: 'districtHead', reason: '重要' } }), reg, D);
    expect(office.signers[0]?.personId).toBe(p('p-head'));
    expect(office.reviewers[0]?.personId).toBe(p('p-dir'));
    const joint = requiredSigning(
      doc({ issuer: { kind: 'partyOfficeAndGovernmentOffice' }, escalation: { to: 'responsibleDeputy', reason: '重要' } }),
      reg,
      D,
    );
    expect(joint.countersigners[0]?.personId).toBe(p('p-dep-a'));
    expect(joint.reason).toContain('分管副区长会签');
  });
});

describe('checkSignature', () => {
  it('accepts the right signer with nothing to say', () => {
    expect(checkSignature(doc(), sig('p-dep-a'), reg, D)).toEqual([]);
  });

  it('refuses anyone else, citing the article and naming who should sign', () => {
    const [f] = checkSignature(doc(), sig('p-dir'), reg, D);
    expect(f).toMatchObject({ ruleId: 'document.sign.authority', articles: [52], severity: 'block' });
    expect(f?.message).toContain('王建国');
    const [g] = checkSignature(doc({ kind: 'order' }), sig('p-exec'), reg, D);
    expect(g).toMatchObject({ ruleId: 'document.sign.authority', articles: [51] });
  });

  it('refuses a signature dated after today', () => {
    expect(ids(checkSignature(doc(), sig('p-dep-a', { date: isoDate('2026-03-06') }), reg, D))).toContain(
      'document.sign.futureDate',
    );
  });

  it('refuses a 签发 where our side only countersigns, and a 会签 where it signs', () => {
    expect(ids(checkSignature(doc({ issuer: { kind: 'partyAndGovernment' } }), sig('p-head'), reg, D))).toEqual([
      'document.sign.role',
    ]);
    const [f] = checkSignature(doc(), sig('p-dep-a', { role: 'countersign' }), reg, D);
    expect(f?.ruleId).toBe('document.sign.role');
    expect(f?.message).toContain('签发');
  });

  it('asks for the escalation reason when an office document is signed higher up', () => {
    const office = doc({ issuer: { kind: 'governmentOffice' } });
    expect(checkSignature(office, sig('p-dep-a'), reg, D).map((f) => [f.ruleId, f.severity])).toEqual([
      ['document.sign.escalationUnrecorded', 'warn'],
    ]);
  });

  it('checks the "代" mark both ways', () => {
    const r = away('p-head');
    const up = doc({
      flow: 'upward',
      reviews: [
        { personId: p('p-dir'), role: 'officeDirector', date: isoDate('2026-03-03') },
        { personId: p('p-dep-a'), role: 'responsibleDeputy', date: isoDate('2026-03-04') },
      ],
    });
    expect(ids(checkSignature(up, sig('p-exec'), r, D))).toEqual(['document.sign.actingMark']);
    expect(checkSignature(up, sig('p-exec', { actingForId: p('p-head') }), r, D)).toEqual([]);
    // The away 区长 signing himself is allowed with a warning.
    expect(checkSignature(up, sig('p-head'), r, D).map((f) => f.severity)).toEqual(['warn']);
  });

  it('warns when an art. 51 item is signed by the acting 常务副区长', () => {
    const bill = doc({ kind: 'bill', flow: 'upward' });
    const fs = checkSignature(bill, sig('p-exec', { actingForId: p('p-head') }), away('p-head'), D);
    expect(fs.map((f) => [f.ruleId, f.articles])).toEqual([['document.sign.reservedActing', [51, 9]]]);
  });
});

describe('checkSigningReviews', () => {
  const up = (reviews: OutgoingDocument['reviews']) => doc({ flow: 'upward', draftingUnitId: undefined, responsibleDeputyId: p('p-dep-b'), reviews });
  it('lists exactly the missing reviews', () => {
    const d = up([]);
    const [f] = checkSigningReviews(d, requiredSigning(d, reg, D), D);
    expect(f?.message).toContain('区政府办公室主任审核');
    expect(f?.message).toContain('分管副区长审核');
  });
  it('does not count a review dated after signing', () => {
    const d = up([
      { personId: p('p-dir'), role: 'officeDirector', date: isoDate('2026-03-03') },
      { personId: p('p-dep-b'), role: 'responsibleDeputy', date: isoDate('2026-03-06') },
    ]);
    expect(ids(checkSigningReviews(d, requiredSigning(d, reg, D), D))).toEqual(['document.sign.reviewMissing']);
  });
  it('warns when the deputy reviewed before the office director', () => {
    const d = up([
      { personId: p('p-dir'), role: 'officeDirector', date: isoDate('2026-03-04') },
      { personId: p('p-dep-b'), role: 'responsibleDeputy', date: isoDate('2026-03-03') },
    ]);
    expect(checkSigningReviews(d, requiredSigning(d, reg, D), D).map((f) => [f.ruleId, f.severity])).toEqual([
      ['document.sign.reviewOrder', 'warn'],
    ]);
  });
});

describe('the matrix is total (property)', () => {
  const issuers: OutgoingDocument['issuer'][] = [
    { kind: 'government' },
    { kind: 'governmentOffice' },
    { kind: 'partyAndGovernment' },
    { kind: 'governmentWithPeer', counterpartName: '泾川县人民政府', counterpartSignerPost: 'governmentHead' },
    { kind: 'governmentWithPeer', counterpartName: '泾川县人民政府', counterpartSignerPost: 'deputyGovernmentHead' },
    { kind: 'governmentWithPeer', counterpartName: '平凉市生态环境局', counterpartSignerPost: 'departmentHead' },
    { kind: 'partyOfficeAndGovernmentOffice' },
  ];
  const people = reg.people.map((x) => x.id);

  it('for every issuer, flow, escalation and person: authority is refused exactly when the person is outside the chain', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...issuers),
        fc.constantFrom('upward' as const, 'parallel' as const, 'downward' as const),
        fc.constantFrom(undefined, 'districtHead' as const, 'responsibleDeputy' as const),
        fc.constantFrom(undefined, 'personnel' as const),
        fc.constantFrom(...people),
        fc.constantFrom('sign' as const, 'countersign' as const),
        (issuer, flow, esc, reserved, who, role) => {
          const d = doc({
            issuer,
            flow,
            ...(esc === undefined ? {} : { escalation: { to: esc, reason: '有必要' } }),
            ...(reserved === undefined ? {} : { reservedContent: reserved }),
          });
          const req = requiredSigning(d, reg, D);
          expect(req.gaps).toEqual([]);
          expect(req.articles.length).toBeGreaterThan(0);
          const slots = role === 'sign' ? req.signers : req.countersigners;
          const fs = ids(checkSignature(d, sig(who, { role }), reg, D));
          if (slots.length === 0) {
            expect(fs).toEqual(['document.sign.role']);
            return;
          }
          const inChain = slots.some((s) => s.personId === who);
          const alternate = req.whenNecessary.some((post) =>
            requiredSigning({ ...d, escalation: { to: post, reason: 'x' } }, reg, D)[role === 'sign' ? 'signers' : 'countersigners'].some(
              (s) => s.personId === who,
            ),
          );
          expect(fs.includes('document.sign.authority')).toBe(!inChain && !alternate);
          expect(fs.includes('document.sign.escalationUnrecorded')).toBe(!inChain && alternate);
        },
      ),
      { numRuns: 400 },
    );
  });
});
