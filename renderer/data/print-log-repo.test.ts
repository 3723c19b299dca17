import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from './index';
import { setFallbackOperator, TEST_OPERATOR } from './operator';
import { copyNumberLabel, printLogRepository } from './print-log-repo';

let clock = Date.parse('2026-03-02T01:00:00.000Z');
const ticking = () => new Date((clock += 1000));
const opened: Store[] = [];
async function fresh() {
  const store = await openStore(`print-log-test-${Math.random()}`, ticking);
  opened.push(store);
  return { store, repo: printLogRepository(store.db, ticking) };
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  setFallbackOperator(TEST_OPERATOR);
});

describe('print log', () => {
  it('records who printed which numbered copies of a classified document, audited', async () => {
    const { store, repo } = await fresh();
    setFallbackOperator({ id: 'p-clerk', name: '李文书', role: 'clerk' });
    const rec = await repo.recordPrint({
      documentId: 'doc-7',
      documentTitle: '关于某事项的通知',
      classification: '秘密★1年',
      copyNumbers: [1, 2, 3],
      duplex: true,
    });
    expect(rec).toMatchObject({
      operatorName: '李文书',
      copyNumbers: [1, 2, 3],
      duplex: true,
      kind: 'print',
    });
    expect(await repo.listPrints('doc-7')).toEqual([rec]);
    const audit = await store.audit.forRecord('documentSteps', rec.id);
    expect(audit.map((a) => [a.operatorName, a.context])).toEqual([
      ['李文书', '打印涉密文件：关于某事项的通知（份号 000001、000002、000003）'],
    ]);
  });

  it('lists every print newest first and ignores other document steps', async () => {
    const { store, repo } = await fresh();
    await store.db.documentSteps.add({ id: 's1', documentId: 'doc-1', kind: 'sign', at: 'x' });
    const first = await repo.recordPrint({
      documentId: 'doc-1',
      documentTitle: 'A',
      classification: '秘密',
      copyNumbers: [1],
    });
    const second = await repo.recordPrint({
      documentId: 'doc-1',
      documentTitle: 'A',
      classification: '秘密',
      copyNumbers: [2],
    });
    expect((await repo.listPrints('doc-1')).map((p) => p.id)).toEqual([second.id, first.id]);
    expect((await repo.listPrints()).map((p) => p.id)).toEqual([second.id, first.id]);
  });

  it('starts a new print run after the highest 份号 printed for that document', async () => {
    const { repo } = await fresh();
    expect(await repo.nextCopyNumber('doc-1')).toBe(1);
    await repo.recordPrint({
      documentId: 'doc-1',
      documentTitle: 'A',
      classification: '秘密',
      copyNumbers: [1, 2, 3],
    });
    await repo.recordPrint({
      documentId: 'doc-2',
      documentTitle: 'B',
      classification: '秘密',
      copyNumbers: [9],
    });
    expect(await repo.nextCopyNumber('doc-1')).toBe(4);
    expect(await repo.nextCopyNumber('doc-2')).toBe(10);
  });

  it('refuses empty or repeated copy numbers and writes nothing', async () => {
    const { repo } = await fresh();
    for (const copyNumbers of [[], [1, 1], [0]]) {
      const e = await repo
        .recordPrint({ documentId: 'd', documentTitle: 'A', classification: '秘密', copyNumbers })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(StoreError);
    }
    expect(await repo.listPrints()).toEqual([]);
  });

  it('labels copy numbers with six digits', () => {
    expect(copyNumberLabel([1, 12])).toBe('000001、000012');
  });
});
