import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/calendar/iso-date';
import type { IncomingDocument } from '../../shared/domain/documents/model';
import { documentId, personId, unitId } from '../../shared/domain/ids';
import { incomingRepository, incomingStateOf } from './incoming-repo';
import { fixedNow, freshStore, rejection } from './test-store';

async function fresh() {
  const store = await freshStore('incoming-test');
  let id = 0;
  return { store, repo: incomingRepository(store.db, fixedNow, () => `x${++id}`) };
}

const d = isoDate;
const dep = personId('p-dep1');
const finance = unitId('u-finance');

function doc(id: string, fields: Partial<IncomingDocument> = {}): IncomingDocument {
  return {
    id: documentId(id),
    direction: 'incoming',
    title: `关于城市更新项目资金的请示${id}`,
    kind: 'request',
    fromUnitId: unitId('u-housing'),
    addressedTo: { kind: 'government' },
    registeredOn: d('2026-03-02'),
    ...fields,
  };
}


describe('incoming repository', () => {
  it('registers with the next 收文编号 of the year, no gaps, no duplicates, audited in one transaction', async () => {
    const { store, repo } = await fresh();
    expect(await repo.peekNumber(2026)).toBe('收〔2026〕1号');
    const a = await repo.register({ doc: doc('a'), copies: 2, receivedOn: d('2026-03-02') });
    const b = await repo.register({ doc: doc('b'), copies: 1, receivedOn: d('2026-03-02') });
    const c = await repo.register({ doc: doc('c', { registeredOn: d('2027-01-04') }), copies: 1, receivedOn: d('2027-01-04') });
    expect([a.receiptNumber, b.receiptNumber, c.receiptNumber]).toEqual(['收〔2026〕1号', '收〔2026〕2号', '收〔2027〕1号']);
    // A refused registration (duplicate id) uses no number.
    await rejection(repo.register({ doc: doc('a'), copies: 1, receivedOn: d('2026-03-02') }));
    const next = await repo.register({ doc: doc('d'), copies: 1, receivedOn: d('2026-03-02') });
    expect(next.receiptNumber).toBe('收〔2026〕3号');
    const audit = await store.audit.forRecord('documents', 'a');
    expect(audit.map((e) => [e.action, e.context])).toEqual([['create', '登记收文']]);
    expect((await repo.steps(documentId('a'))).map((s) => s.kind)).toEqual(['register']);
    expect((await repo.list({ year: 2026 })).map((r) => r.doc.id).sort()).toEqual(['a', 'b', 'd']);
  });

  it('validates first: a missing title is refused in Chinese and nothing is written', async () => {
    const { store, repo } = await fresh();
    const e = await rejection(repo.register({ doc: doc('a', { title: ' ' }), copies: 1, receivedOn: d('2026-03-02') }));
    expect(e.message).toMatch(/请填写来文标题/);
    const e2 = await rejection(repo.register({ doc: doc('a'), copies: 0, receivedOn: d('2026-03-02') }));
    expect(e2.message).toMatch(/份数至少 1 份/);
    expect(await store.audit.count()).toBe(0);
    expect(await repo.peekNumber(2026)).toBe('收〔2026〕1号');
  });

  it('uses a configured pattern and refuses one without year or serial', async () => {
    const { repo } = await fresh();
    await repo.setPattern('示收〔{year}〕第{seq}号');
    expect((await repo.register({ doc: doc('a'), copies: 1, receivedOn: d('2026-03-02') })).receiptNumber).toBe('示收〔2026〕第1号');
    expect((await rejection(repo.setPattern('收文{seq}号'))).message).toMatch(/\{year\}/);
  });

  it('keeps the original and the stamped PDF beside each other', async () => {
    const { repo } = await fresh();
    const r = await repo.register(
      { doc: doc('a'), copies: 1, receivedOn: d('2026-03-02') },
      { name: '来文.pdf', original: new Uint8Array([1, 2, 3]), stamped: new Uint8Array([1, 2, 3, 4]) },
    );
    const original = await repo.attachment(r.originalAttachmentId ?? '');
    const stamped = await repo.attachment(r.stampedAttachmentId ?? '');
    expect(Array.from(original?.bytes as Uint8Array)).toEqual([1, 2, 3]);
    expect(Array.from(stamped?.bytes as Uint8Array)).toEqual([1, 2, 3, 4]);
    expect(stamped?.name).toBe('来文（收文章）.pdf');
    // The stamp carries the number peeked before; a different allocation is refused, nothing stored.
    const e = await rejection(
      repo.register({ doc: doc('b'), copies: 1, receivedOn: d('2026-03-02') }, undefined, { expectedNumber: '收〔2026〕1号' }),
    );
    expect(e.message).toMatch(/收〔2026〕2号/);
    expect(await repo.get(documentId('b'))).toBeUndefined();
  });

  it('walks a 请示 from missing countersignature to archive, each step on the timeline', async () => {
    const { store, repo } = await fresh();
    const cross = { concernedUnitIds: [finance], leadSignature: { personId: personId('p-h'), date: d('2026-03-01') }, countersignatures: [] };
    const id = documentId('a');
    await repo.register({ doc: doc('a', { crossDepartment: cross }), copies: 1, receivedOn: d('2026-03-02') });
    await repo.completeCountersignatures(
      id,
      { ...cross, countersignatures: [{ unitId: finance, personId: personId('p-fin'), date: d('2026-03-03') }] },
      d('2026-03-03'),
    );
    await repo.propose(id, { text: '拟呈分管副区长阅批', byId: personId('p-clerk'), date: d('2026-03-03') });
    await repo.route(id, { leaderId: dep, date: d('2026-03-03'), reason: '按分工呈副区长' });
    expect((await repo.get(id))?.state).toBe('routed');
    // The dashboard's query: only the given states, read through the state index, incoming only.
    expect((await repo.list({ states: ['routed'] })).map((r) => r.doc.id)).toEqual(['a']);
    expect(await repo.list({ states: ['registered', 'archived'] })).toEqual([]);
    await repo.instruct(id, { leaderId: dep, date: d('2026-03-03'), text: '阅' }, { reason: '领导当面补充意见' });
    await repo.instruct(id, { leaderId: dep, date: d('2026-03-04'), text: '请财政局会同住建局提出资金方案' });
    await repo.circulate(id, [personId('p-r1'), personId('p-r2')], d('2026-03-04'));
    await repo.markRead(id, personId('p-r1'), d('2026-03-05'));
    let r = await repo.get(id);
    expect(r?.doc.circulation?.map((c) => c.readOn)).toEqual(['2026-03-05', undefined]);
    await repo.assign(id, { unitId: finance, due: d('2026-03-20'), date: d('2026-03-05'), task: '提出资金方案' });
    expect((await rejection(repo.complete(id, d('2026-03-06')))).message).toMatch(/1 项交办事项未办结/);
    await repo.recordProgress(id, 0, { date: d('2026-03-10'), text: '方案已起草' });
    await repo.closeAssignment(id, 0, d('2026-03-18'), '方案已报');
    expect((await rejection(repo.archive(id, d('2026-03-19'), 'y10'))).message).toMatch(/尚未办结/);
    await repo.complete(id, d('2026-03-19'));
    r = await repo.archive(id, d('2026-03-20'), 'y30');
    expect(r.state).toBe('archived');
    expect(r.retention).toBe('y30');
    expect(r.tracking[0]).toEqual({ task: '提出资金方案', progress: [{ date: '2026-03-10', text: '方案已起草' }], closureNote: '方案已报' });
    const steps = await repo.steps(id);
    expect(steps.map((s) => s.kind)).toEqual([
      'register',
      'countersignCompleted',
      'propose',
      'route',
      'instruct',
      'instruct',
      'circulate',
      'read',
      'assign',
      'progress',
      'assignmentDone',
      'complete',
      'archive',
    ]);
    expect(steps[4]?.reason).toBe('领导当面补充意见');
    const audit = await store.audit.forRecord('documents', 'a');
    expect(audit.map((e) => e.context)).toContain('登记批示（提示已说明理由：领导当面补充意见）');
  });

  it('refuses steps out of order', async () => {
    const { repo } = await fresh();
    const id = documentId('a');
    await repo.register({ doc: doc('a'), copies: 1, receivedOn: d('2026-03-02') });
    expect((await rejection(repo.instruct(id, { leaderId: dep, date: d('2026-03-03'), text: '同意' }))).message).toMatch(/尚未呈批/);
    expect((await rejection(repo.circulate(id, [], d('2026-03-03')))).message).toMatch(/请选择传阅人员/);
    expect((await rejection(repo.get(documentId('zz')).then(() => repo.propose(documentId('zz'), { text: 'x', byId: dep, date: d('2026-03-03') })))).code).toBe('not-found');
  });

  it('makes the document searchable by title words and by its unit (search tokens)', async () => {
    const { store, repo } = await fresh();
    await repo.register({ doc: doc('a'), copies: 1, receivedOn: d('2026-03-02') });
    expect(await store.db.documents.where('searchTokens').equals('更新').primaryKeys()).toEqual(['a']);
    expect(await store.db.documents.where('searchTokens').equals('@u-housing').primaryKeys()).toEqual(['a']);
    await repo.propose(documentId('a'), { text: '拟办', byId: personId('p-clerk'), date: d('2026-03-03') });
    expect(await store.db.documents.where('searchTokens').equals('@p-clerk').primaryKeys()).toEqual(['a']);
  });

  it('derives the state from the document', () => {
    expect(incomingStateOf(doc('a'))).toBe('registered');
    expect(incomingStateOf(doc('a', { routing: { leaderId: dep, date: d('2026-03-03') } }))).toBe('routed');
    expect(incomingStateOf(doc('a', { completedOn: d('2026-03-03') }))).toBe('completed');
  });
});
