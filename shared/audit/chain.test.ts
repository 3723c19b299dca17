import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendAuditEntry,
  digestOf,
  GENESIS_HASH,
  headOf,
  verifyAuditChain,
  type AuditDraft,
  type AuditEntry,
} from './chain';

const draftArb: fc.Arbitrary<AuditDraft> = fc.record(
  {
    at: fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
      .map((t) => `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`),
    operatorId: fc.constantFrom('admin', 'clerk1'),
    operatorName: fc.constantFrom('系统管理员', '文书甲'),
    action: fc.constantFrom('create' as const, 'update' as const, 'delete' as const),
    recordType: fc.constantFrom('people', 'units', 'documents'),
    recordId: fc.string({ minLength: 1, maxLength: 8 }),
    beforeDigest: fc.option(fc.string().map((s) => digestOf(s) as string), { nil: null }),
    afterDigest: fc.option(fc.string().map((s) => digestOf(s) as string), { nil: null }),
    context: fc.constantFrom('载入示例数据', '保存人员'),
  },
  { requiredKeys: ['at', 'operatorId', 'operatorName', 'action', 'recordType', 'recordId', 'beforeDigest', 'afterDigest'] },
);

function build(drafts: readonly AuditDraft[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const d of drafts) out.push(appendAuditEntry(headOf(out), d));
  return out;
}

const chainArb = fc.array(draftArb, { minLength: 1, maxLength: 12 }).map(build);
const draft0: AuditDraft = {
  at: '2026-03-05T09:00:00.000+08:00',
  operatorId: 'admin',
  operatorName: '系统管理员',
  action: 'create',
  recordType: 'people',
  recordId: 'p1',
  beforeDigest: null,
  afterDigest: digestOf({ id: 'p1' }),
};

describe('appendAuditEntry', () => {
  it('starts at 1 from the genesis hash and links each entry to the previous one', () => {
    const chain = build([draft0, { ...draft0, action: 'update', recordId: 'p2' }]);
    expect(chain.map((e) => e.sequence)).toEqual([1, 2]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: 2, head: headOf(chain) });
  });

  it('is deterministic: the same draft after the same head gives the same hash', () => {
    expect(appendAuditEntry(undefined, draft0).hash).toBe(appendAuditEntry(undefined, { ...draft0 }).hash);
  });

  it('accepts an empty chain, and an empty chain matches no recorded head', () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0, head: undefined });
    expect(verifyAuditChain([], { sequence: 3, hash: GENESIS_HASH })).toMatchObject({ ok: false, problem: 'truncated', sequence: 1 });
  });
});

describe('digestOf', () => {
  it('is null for no record and ignores key order', () => {
    expect(digestOf(undefined)).toBeNull();
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
  });
});

describe('verifyAuditChain detects tampering (property)', () => {
  it('accepts every untouched chain, with and without its head', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        expect(verifyAuditChain(chain).ok).toBe(true);
        expect(verifyAuditChain(chain, headOf(chain)).ok).toBe(true);
      }),
    );
  });

  const fields = ['sequence', 'at', 'operatorId', 'operatorName', 'action', 'recordType', 'recordId', 'beforeDigest', 'afterDigest', 'context', 'prevHash', 'hash'] as const;

  it('detects a modified field of any entry, at that entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (chain, i, field, junk) => {
        const k = i % chain.length;
        const target = chain[k] as AuditEntry;
        const old = target[field];
        const value =
          field === 'sequence' ? (old as number) + 1 + (junk.length % 5)
          : field === 'action' ? (old === 'create' ? 'update' : 'create')
          : typeof old === 'string' && /^[0-9a-f]{64}$/.test(old) ? digestOf(junk + old)
          : field === 'at' ? '2019-01-01T00:00:00.000+08:00'
          : `${String(old)}${junk}`;
        const tampered = chain.map((e, j) => (j === k ? { ...e, [field]: value } : e));
        const verdict = verifyAuditChain(tampered, headOf(chain));
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.sequence).toBeLessThanOrEqual(k + 1);
      }),
    );
  });

  it('detects a modified entry whose own hash was recomputed (next link or recorded head breaks)', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, i) => {
        const k = i % chain.length;
        const prev = k === 0 ? undefined : headOf(chain.slice(0, k));
        const forged = appendAuditEntry(prev, { ...(chain[k] as AuditEntry), recordId: `${(chain[k] as AuditEntry).recordId}x` });
        const tampered = chain.map((e, j) => (j === k ? forged : e));
        expect(verifyAuditChain(tampered, headOf(chain)).ok).toBe(false);
      }),
    );
  });

  it('detects a deleted entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, i) => {
        const k = i % chain.length;
        const tampered = chain.filter((_, j) => j !== k);
        expect(verifyAuditChain(tampered, headOf(chain)).ok).toBe(false);
      }),
    );
  });

  it('detects two entries swapped', () => {
    fc.assert(
      fc.property(
        chainArb.filter((c) => c.length >= 2),
        fc.nat(),
        fc.nat(),
        (chain, a, b) => {
          const i = a % chain.length;
          let j = b % chain.length;
          if (i === j) j = (j + 1) % chain.length;
          const tampered = [...chain];
          tampered[i] = chain[j] as AuditEntry;
          tampered[j] = chain[i] as AuditEntry;
          const verdict = verifyAuditChain(tampered, headOf(chain));
          expect(verdict).toMatchObject({ ok: false, sequence: Math.min(i, j) + 1 });
        },
      ),
    );
  });

  it('detects a forged entry inserted anywhere, even one chained correctly to its predecessor', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), draftArb, (chain, i, d) => {
        const k = i % (chain.length + 1);
        const forged = appendAuditEntry(k === 0 ? undefined : headOf(chain.slice(0, k)), d);
        const tampered = [...chain.slice(0, k), forged, ...chain.slice(k)];
        expect(verifyAuditChain(tampered, headOf(chain)).ok).toBe(false);
      }),
    );
  });

  it('detects a truncated tail given the recorded head', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, i) => {
        const keep = i % chain.length;
        const verdict = verifyAuditChain(chain.slice(0, keep), headOf(chain));
        expect(verdict).toMatchObject({ ok: false, problem: 'truncated', sequence: keep + 1 });
      }),
    );
  });

  it('names the broken link in Chinese', () => {
    const chain = build([draft0, draft0, draft0]);
    const verdict = verifyAuditChain([chain[0], { ...chain[1], recordId: 'zz' }, chain[2]]);
    expect(verdict).toEqual({
      ok: false,
      sequence: 2,
      problem: 'hash',
      message: '第 2 条审计记录的内容与其摘要不符，记录可能被改动',
    });
    expect(verifyAuditChain([chain[0], chain[2]])).toMatchObject({ problem: 'sequence', sequence: 2 });
    expect(verifyAuditChain([chain[0], { foo: 1 }])).toMatchObject({ problem: 'malformed', sequence: 2 });
  });
});
