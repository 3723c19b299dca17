import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { personId } from '../../shared/domain/ids';
import { auditedWrite } from './audited';
import { headToRecord, watchAuditHead } from './backup-head';
import { openStore } from './index';
import { setCurrentOperator, setFallbackOperator, TEST_OPERATOR } from './operator';

afterEach(() => {
  setCurrentOperator(undefined);
  setFallbackOperator(TEST_OPERATOR);
});

describe('auditedWrite', () => {
  it('stores nothing, not even the audit entries, when the action fails after writing', async () => {
    const store = await openStore(`audited-${Math.random()}`);
    const { db } = store;
    await expect(
      auditedWrite(db, [db.people], { context: '测试' }, async (log) => {
        await db.people.put({ id: personId('x'), name: '甲', partyMember: true, pinyinInitials: 'j' });
        log.record('create', 'people', 'x', undefined, { id: 'x' });
        throw new Error('模拟故障');
      }),
    ).rejects.toThrow(/未改动任何数据/);
    expect(await db.people.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    store.close();
  });

  it('chains entries across separate actions and reports the head', async () => {
    const store = await openStore(`audited-chain-${Math.random()}`);
    const { db, audit } = store;
    for (const id of ['a', 'b', 'c']) {
      await auditedWrite(db, [db.meetings], { context: '保存会议' }, async (log) => {
        await db.meetings.put({ id });
        log.record('create', 'meetings', id, undefined, { id });
      });
    }
    const head = await audit.head();
    expect(head?.sequence).toBe(3);
    expect(await audit.verify(head)).toEqual({ ok: true, count: 3, head });
    // A forged edit straight into IndexedDB is caught.
    await db.audit.update(2, { recordId: 'z' });
    expect(await audit.verify(head)).toMatchObject({ ok: false, sequence: 2, problem: 'hash' });
    store.close();
  });

  it('serialises concurrent actions so sequence numbers never collide', async () => {
    const store = await openStore(`audited-concurrent-${Math.random()}`);
    const { db, audit } = store;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        auditedWrite(db, [db.topics], { context: '并发' }, async (log) => {
          await db.topics.put({ id: `t${i}` });
          log.record('create', 'topics', `t${i}`, undefined, { id: `t${i}` });
        }),
      ),
    );
    expect(await audit.verify()).toMatchObject({ ok: true, count: 10 });
    store.close();
  });

  it('names the signed-in operator, and refuses to write when nobody is signed in', async () => {
    const store = await openStore(`audited-operator-${Math.random()}`);
    const { db, audit } = store;
    const write = (id: string) =>
      auditedWrite(db, [db.meetings], { context: '保存会议' }, async (log) => {
        await db.meetings.put({ id });
        log.record('create', 'meetings', id, undefined, { id });
      });
    setFallbackOperator(undefined);
    await expect(write('m0')).rejects.toThrow(/尚未登录/);
    expect(await db.meetings.count()).toBe(0);
    setCurrentOperator({ id: 'o7', name: '李文书', role: 'clerk' });
    await write('m1');
    expect((await audit.latest(1))[0]).toMatchObject({ operatorId: 'o7', operatorName: '李文书' });
    store.close();
  });

  it('tells the head watcher after each commit, without polling', async () => {
    const store = await openStore(`audited-notify-${Math.random()}`);
    const { db } = store;
    const reported: number[] = [];
    let resolveNext: () => void = () => undefined;
    const stop = watchAuditHead(
      db,
      async (h) => {
        reported.push(h.sequence);
        resolveNext();
        return true;
      },
      headToRecord(null),
      () => () => undefined, // no ticks of its own: only notifications drive it
    );
    for (const id of ['a', 'b']) {
      const seen = new Promise<void>((r) => (resolveNext = r));
      await auditedWrite(db, [db.meetings], { context: '保存会议' }, async (log) => {
        await db.meetings.put({ id });
        log.record('create', 'meetings', id, undefined, { id });
      });
      await seen;
    }
    stop();
    expect(reported).toEqual([1, 2]);
    store.close();
  });
});
