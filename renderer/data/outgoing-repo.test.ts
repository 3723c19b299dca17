import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from '../../shared/calendar/iso-date';
import type { OutgoingDocument, OutgoingRecord } from '../../shared/domain/documents';
import { documentId, unitId, type DocumentId } from '../../shared/domain/ids';
import type { WorkingDays } from '../../shared/domain/working-days';
import { createSampleOffice, SAMPLE_IDS } from '../../shared/sample/sample-office';

import { outgoingRepository, type OutgoingRuleContext } from './outgoing-repo';
import { fixedNow, freshStore, rejection } from './test-store';

async function fresh() {
  const store = await freshStore('outgoing-test');
  return { store, repo: outgoingRepository(store.db, fixedNow) };
}

const calendar: WorkingDays = {
  isWorkingDay: (d) => !isWeekend(d),
  addWorkingDays(from: IsoDate, k: number) {
    let d = from;
    for (let left = k; left > 0;) {
      d = addDays(d, 1);
      if (!isWeekend(d)) left--;
    }
    return d;
  },
};

// The sample office as of 2026-02-01: nobody relevant is away in March (the 区长's trip is 02-08..02-11).
const registry = createSampleOffice(isoDate('2026-02-01'));
const rules = (date: string): OutgoingRuleContext => ({ registry, calendar, date: isoDate(date) });
const head = SAMPLE_IDS.districtHead;
const director = SAMPLE_IDS.officeDirector;
const deputy = SAMPLE_IDS.deputies[2]!; // 周清和, in charge of 区发展和改革局
const otherDeputy = SAMPLE_IDS.deputies[3]!;

const NO = {
  callOrMeetingWouldDo: false,
  concernsOneDepartment: false,
  departmentOwnBusiness: false,
  lawAlreadyProvides: false,
  noRealContent: false,
};

function record(id: string, doc: Partial<OutgoingDocument> = {}): OutgoingRecord {
  const title = doc.title ?? '关于申请重点项目专项资金的请示';
  return {
    doc: {
      id: documentId(id),
      direction: 'outgoing',
      title,
      kind: 'request',
      issuer: { kind: 'government' },
      flow: 'upward',
      recipientLevel: 'superior',
      draftingUnitId: unitId('sample-u-fgj'),
      necessity: NO,
      ...doc,
    },
    createdOn: isoDate('2026-03-02'),
    mainRecipients: [{ name: '示例市人民政府' }],
    ccRecipients: [],
    versions: [
      {
        version: 1,
        savedAt: '2026-03-02 09:00',
        savedBy: '文书',
        title,
        body: [{ level: 0, text: '市政府：' }],
      },
    ],
    deliveries: [],
    tasks: [],
  };
}

const ctx = { context: '测试' };

async function signedUpward(repo: ReturnType<typeof outgoingRepository>, id: DocumentId) {
  await repo.act(
    id,
    { type: 'review', review: { personId: director, role: 'officeDirector', date: isoDate('2026-03-03') } },
    rules('2026-03-03'),
    ctx,
  );
  await repo.act(
    id,
    { type: 'review', review: { personId: deputy, role: 'responsibleDeputy', date: isoDate('2026-03-04') } },
    rules('2026-03-04'),
    ctx,
  );
  return repo.act(
    id,
    { type: 'sign', signature: { personId: head, date: isoDate('2026-03-05'), role: 'sign' } },
    rules('2026-03-05'),
    ctx,
  );
}

describe('outgoing repository', () => {
  it('refuses a draft the art. 52 answers rule out, and writes nothing', async () => {
    const { store, repo } = await fresh();
    const r = record('o1', { necessity: { ...NO, lawAlreadyProvides: true } });
    const e = await rejection(repo.create(r, ctx));
    expect(e.message).toContain('国家法律法规已作出明确规定的，一律不再制发文件');
    expect(e.message).toContain('第五十二条');
    expect(await repo.list()).toEqual([]);
    expect(await store.audit.forRecord('documents', 'o1')).toEqual([]);
  });

  it('keeps every save as a new version and records each action on the timeline', async () => {
    const { store, repo } = await fresh();
    const r = record('o1');
    await repo.create(r, { context: '拟稿' });
    const v1 = r.versions[0]!;
    await repo.act(
      r.doc.id,
      {
        type: 'saveDraft',
        version: { ...v1, version: 2, body: [...v1.body, { level: 1, text: '基本情况' }] },
      },
      rules('2026-03-02'),
      { context: '保存草稿' },
    );
    const saved = await repo.get(r.doc.id);
    expect(saved?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await repo.steps(r.doc.id)).map((s) => s.label)).toEqual(['拟稿登记', '保存草稿']);
    const audit = await store.audit.forRecord('documents', 'o1');
    expect(audit.map((a) => [a.action, a.context])).toEqual([
      ['create', '拟稿'],
      ['update', '保存草稿'],
    ]);
    // A version number out of sequence is refused by the schema.
    const e = await rejection(
      repo.act(r.doc.id, { type: 'saveDraft', version: { ...v1, version: 5 } }, rules('2026-03-02'), ctx),
    );
    expect(e.message).toContain('草稿版本号不连续');
  });

  it('refuses a 副区长 signing a 区政府 上行文 (art. 52) and the 区长 before the reviews; accepts him after them', async () => {
    const { repo } = await fresh();
    const r = record('o1');
    await repo.create(r, ctx);
    const byDeputy = await rejection(
      repo.act(
        r.doc.id,
        { type: 'sign', signature: { personId: deputy, date: isoDate('2026-03-05'), role: 'sign' } },
        rules('2026-03-05'),
        ctx,
      ),
    );
    expect(byDeputy.message).toMatch(/周清和无权签发本文.*第五十二条/);
    const early = await rejection(
      repo.act(
        r.doc.id,
        { type: 'sign', signature: { personId: head, date: isoDate('2026-03-05'), role: 'sign' } },
        rules('2026-03-05'),
        ctx,
      ),
    );
    expect(early.message).toContain('签发前尚缺审核');
    // A review by the wrong deputy is refused too.
    const wrongReview = await rejection(
      repo.act(
        r.doc.id,
        {
          type: 'review',
          review: { personId: otherDeputy, role: 'responsibleDeputy', date: isoDate('2026-03-04') },
        },
        rules('2026-03-04'),
        ctx,
      ),
    );
    expect(wrongReview.message).toContain('分管副区长审核应由');
    const signed = await signedUpward(repo, r.doc.id);
    expect(signed.doc.signatures).toHaveLength(1);
    // Signed text is frozen.
    const frozen = await rejection(
      repo.act(
        r.doc.id,
        { type: 'saveDraft', version: { ...r.versions[0]!, version: 2 } },
        rules('2026-03-05'),
        ctx,
      ),
    );
    expect(frozen.message).toContain('正文不能再修改');
  });

  it('allocates 文号 in sequence per pattern and year inside the transaction, from the configured pattern', async () => {
    const { repo } = await fresh();
    const seal = { type: 'seal' as const, seal: { date: isoDate('2026-03-05'), operatorId: head } };
    await repo.create(record('o1'), ctx);
    expect((await rejection(repo.act(documentId('o1'), seal, rules('2026-03-05'), ctx))).message).toContain(
      '不得用印',
    );
    expect(
      (await rejection(repo.allocateNumber(documentId('o1'), rules('2026-03-05'), ctx))).message,
    ).toContain('尚未签发');
    await signedUpward(repo, documentId('o1'));
    await repo.create(record('o2'), ctx);
    await signedUpward(repo, documentId('o2'));
    expect((await repo.allocateNumber(documentId('o1'), rules('2026-03-05'), ctx)).doc.documentNumber).toBe(
      '崆政发〔2026〕1号',
    );
    expect((await repo.allocateNumber(documentId('o2'), rules('2026-03-05'), ctx)).doc.documentNumber).toBe(
      '崆政发〔2026〕2号',
    );
    expect(
      (await rejection(repo.allocateNumber(documentId('o2'), rules('2026-03-05'), ctx))).message,
    ).toContain('不能重复编号');

    await repo.saveSettings(
      {
        filingPeriodDays: 30,
        numberPatterns: { ...(await repo.settings()).numberPatterns, government: '示政发〔{year}〕{n}号' },
      },
      { context: '修改文号格式' },
    );
    await repo.create(record('o3'), ctx);
    await signedUpward(repo, documentId('o3'));
    expect((await repo.allocateNumber(documentId('o3'), rules('2026-03-05'), ctx)).doc.documentNumber).toBe(
      '示政发〔2026〕1号',
    );
    expect((await repo.list({ year: 2026 })).map((x) => x.doc.documentNumber).sort()).toEqual([
      '崆政发〔2026〕1号',
      '崆政发〔2026〕2号',
      '示政发〔2026〕1号',
    ]);
    expect(
      (await rejection(repo.saveSettings({ filingPeriodDays: 0, numberPatterns: {} }, ctx))).message,
    ).toMatch(/^发文设置未保存/);
  });

  it('prints, seals and publishes: portal and interpretation tasks due 1 working day after printing', async () => {
    const { repo } = await fresh();
    await repo.create(record('o1'), ctx);
    await signedUpward(repo, documentId('o1'));
    await repo.allocateNumber(documentId('o1'), rules('2026-03-05'), ctx);
    await repo.act(
      documentId('o1'),
      { type: 'print', print: { date: isoDate('2026-03-06'), copies: 30 } },
      rules('2026-03-06'),
      ctx,
    );
    await repo.act(
      documentId('o1'),
      { type: 'seal', seal: { date: isoDate('2026-03-06'), operatorId: head } },
      rules('2026-03-06'),
      ctx,
    );
    const pub = await repo.act(
      documentId('o1'),
      { type: 'publication', publication: { public: true }, on: isoDate('2026-03-06') },
      rules('2026-03-06'),
      { context: '确定公开属性' },
    );
    expect(pub.tasks.map((t) => [t.kind, t.due])).toEqual([
      ['portal', '2026-03-09'],
      ['interpretation', '2026-03-09'],
    ]);
    expect((await repo.list({ state: 'sealed' })).map((x) => x.doc.id)).toEqual(['o1']);
    expect((await repo.list({ states: ['drafting', 'sealed'] })).map((x) => x.doc.id)).toEqual(['o1']);
    expect(await repo.list({ states: ['archived'] })).toEqual([]);
  });

  it('never publishes a classified document (arts. 31, 53) and needs 份号 to print it', async () => {
    const { repo } = await fresh();
    await repo.create(record('o1', { classification: { level: 'secret', years: 10 } }), ctx);
    await signedUpward(repo, documentId('o1'));
    await repo.allocateNumber(documentId('o1'), rules('2026-03-05'), ctx);
    const noSerials = await rejection(
      repo.act(
        documentId('o1'),
        { type: 'print', print: { date: isoDate('2026-03-06'), copies: 5 } },
        rules('2026-03-06'),
        ctx,
      ),
    );
    expect(noSerials.message).toContain('须标注份号');
    await repo.act(
      documentId('o1'),
      { type: 'print', print: { date: isoDate('2026-03-06'), copies: 5, serialFrom: 1, serialTo: 5 } },
      rules('2026-03-06'),
      ctx,
    );
    const e = await rejection(
      repo.act(
        documentId('o1'),
        { type: 'publication', publication: { public: true }, on: isoDate('2026-03-06') },
        rules('2026-03-06'),
        ctx,
      ),
    );
    expect(e.message).toContain('涉密公文一律不得公开');
    const kept = await repo.act(
      documentId('o1'),
      {
        type: 'publication',
        publication: { public: false, reason: 'stateSecret' },
        on: isoDate('2026-03-06'),
      },
      rules('2026-03-06'),
      ctx,
    );
    expect(kept.tasks).toEqual([]);
  });

  it('a 区委+区政府 joint document: our side countersigns (the 区长, after the deputy), never 签发; then numbered 崆发', async () => {
    const { repo } = await fresh();
    const joint = record('j1', {
      kind: 'notice',
      issuer: { kind: 'partyAndGovernment' },
      flow: 'downward',
      recipientLevel: 'subordinate',
    });
    await repo.create(joint, ctx);
    const asSign = await rejection(
      repo.act(
        joint.doc.id,
        { type: 'sign', signature: { personId: head, date: isoDate('2026-03-05'), role: 'sign' } },
        rules('2026-03-05'),
        ctx,
      ),
    );
    expect(asSign.message).toContain('本文区政府一方不签发');
    const early = await rejection(
      repo.act(
        joint.doc.id,
        { type: 'sign', signature: { personId: head, date: isoDate('2026-03-05'), role: 'countersign' } },
        rules('2026-03-05'),
        ctx,
      ),
    );
    expect(early.message).toContain('签发前尚缺审核');
    await repo.act(
      joint.doc.id,
      {
        type: 'review',
        review: { personId: deputy, role: 'responsibleDeputy', date: isoDate('2026-03-04') },
      },
      rules('2026-03-04'),
      ctx,
    );
    await repo.act(
      joint.doc.id,
      { type: 'sign', signature: { personId: head, date: isoDate('2026-03-05'), role: 'countersign' } },
      rules('2026-03-05'),
      ctx,
    );
    expect((await repo.allocateNumber(joint.doc.id, rules('2026-03-05'), ctx)).doc.documentNumber).toBe(
      '崆发〔2026〕1号',
    );
  });

  it('a joint document with another county signed by a 副区长 needs the report to the 区长 first (art. 52)', async () => {
    const { repo } = await fresh();
    const peer = record('p1', {
      kind: 'letter',
      issuer: {
        kind: 'governmentWithPeer',
        counterpartName: '某某县人民政府',
        counterpartSignerPost: 'deputyGovernmentHead',
      },
      flow: 'parallel',
      recipientLevel: 'peer',
    });
    await repo.create(peer, ctx);
    const sign = {
      type: 'sign' as const,
      signature: { personId: deputy, date: isoDate('2026-03-05'), role: 'sign' as const },
    };
    expect((await rejection(repo.act(peer.doc.id, sign, rules('2026-03-05'), ctx))).message).toContain(
      '须事前报告区长',
    );
    await repo.act(
      peer.doc.id,
      { type: 'reportToHead', on: isoDate('2026-03-04') },
      rules('2026-03-04'),
      ctx,
    );
    expect((await repo.act(peer.doc.id, sign, rules('2026-03-05'), ctx)).doc.signatures).toHaveLength(1);
  });

  it('stores attachments under the document and logs them on the timeline', async () => {
    const { repo } = await fresh();
    await repo.create(record('o1'), ctx);
    const a = await repo.addAttachment(
      documentId('o1'),
      { name: '项目清单.xlsx', mime: 'application/octet-stream', bytes: new Uint8Array([1, 2, 3]) },
      ctx,
    );
    expect((await repo.attachments(documentId('o1'))).map((x) => x.name)).toEqual(['项目清单.xlsx']);
    await repo.removeAttachment(a.id, ctx);
    expect(await repo.attachments(documentId('o1'))).toEqual([]);
    expect((await repo.steps(documentId('o1'))).map((s) => s.label)).toEqual([
      '拟稿登记',
      '添加附件：项目清单.xlsx',
      '删除附件：项目清单.xlsx',
    ]);
  });
});
