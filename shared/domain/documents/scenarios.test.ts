/**
 * Runs the document scenarios (test/scenarios/documents/*.json) through the evaluator with a small local
 * harness, so the scenarios are proven here even before (and independently of) the shared scenario runner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, isWeekend, type IsoDate } from '../../calendar/iso-date';
import type { Finding } from '../findings';
import { parseRegistry } from '../registry-schema';
import type { WorkingDays } from '../working-days';
import { evaluate } from '../../../test/scenarios/evaluators/document';
import { evaluate as evaluateIncoming } from '../../../test/scenarios/evaluators/incoming';

const ROOT = join(__dirname, '../../../test/scenarios');
const DIR = join(ROOT, 'documents');

/** Weekends off; March 2026 (where the scenarios live) has no statutory holiday. */
const calendar: WorkingDays = {
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

interface ExpectedFinding {
  ruleId: string;
  articles?: number[];
  severity?: string;
}
interface Scenario {
  name: string;
  description: string;
  articles: number[];
  registry: Record<string, unknown> & { base?: string };
  subject: unknown;
  expect: {
    findings?: ExpectedFinding[];
    absentFindings?: string[];
    onlyListedFindings?: boolean;
    values?: Record<string, unknown>;
    error?: string;
  };
}

function registryOf(s: Scenario) {
  const { base, omit = [], ...extra } = s.registry as Scenario['registry'] & { omit?: string[] };
  const merged: Record<string, unknown[]> = base
    ? (JSON.parse(readFileSync(join(ROOT, 'registries', `${base}.json`), 'utf8')) as Record<string, unknown[]>)
    : {};
  for (const k of Object.keys(merged)) merged[k] = (merged[k] ?? []).filter((r) => !omit.includes((r as { id: string }).id));
  for (const [k, v] of Object.entries(extra)) merged[k] = [...(merged[k] ?? []), ...(v as unknown[])];
  return parseRegistry(merged);
}

const matches = (f: Finding, want: ExpectedFinding) =>
  f.ruleId === want.ruleId &&
  (want.severity === undefined || f.severity === want.severity) &&
  (want.articles === undefined || JSON.stringify([...f.articles].sort()) === JSON.stringify([...want.articles].sort()));

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('document scenarios', () => {
  it('has at least 25 scenarios, a passing and a breaking one per article family', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const scenarios = files.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Scenario);
    for (const art of [9, 19, 30, 31, 49, 50, 51, 52, 53, 54]) {
      const cited = scenarios.filter((s) => s.articles.includes(art));
      const breaking = cited.filter((s) => (s.expect.findings ?? []).length > 0 || s.expect.error !== undefined);
      expect(cited.length, `第${art}条`).toBeGreaterThan(breaking.length);
      expect(breaking.length, `第${art}条`).toBeGreaterThan(0);
    }
  });

  it.each(files)('%s', (file) => {
    const s = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Scenario;
    expect(s.name).toBe(file.replace(/\.json$/, ''));
    if (s.expect.error !== undefined) {
      expect(() => evaluate(s.subject, { registry: registryOf(s), calendar })).toThrow(s.expect.error);
      return;
    }
    const result = evaluate(s.subject, { registry: registryOf(s), calendar });
    for (const want of s.expect.findings ?? []) {
      const hit = result.findings.find((f) => matches(f, want));
      expect(hit, `${want.ruleId} in ${JSON.stringify(result.findings.map((f) => f.ruleId))}`).toBeDefined();
      expect(hit?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const rule of s.expect.absentFindings ?? []) {
      expect(result.findings.map((f) => f.ruleId), s.description).not.toContain(rule);
    }
    if (s.expect.onlyListedFindings === true) {
      const unlisted = result.findings.filter((f) => !(s.expect.findings ?? []).some((w) => matches(f, w)));
      expect(unlisted.map((f) => `${f.ruleId}: ${f.message}`), s.description).toEqual([]);
    }
    for (const [key, value] of Object.entries(s.expect.values ?? {})) {
      expect(result.values[key], key).toEqual(value);
    }
  });
});

describe('document evaluator', () => {
  const reg = () => registryOf({ registry: { base: 'documents' } } as unknown as Scenario);

  it('refuses a malformed subject with a Chinese message naming the field', () => {
    expect(() => evaluate({ kind: 'document', step: 'sign', date: '2026-3-5' }, { registry: reg(), calendar })).toThrow(
      /公文场景的 subject 格式不正确[\s\S]*date/,
    );
  });

  it('answers subject.kind "incoming" too', () => {
    const result = evaluateIncoming(
      {
        kind: 'incoming',
        step: 'route',
        date: '2026-03-05',
        document: {
          id: 'i-1',
          direction: 'incoming',
          title: '关于教育经费的报告',
          kind: 'report',
          fromUnitId: 'u-edu',
          addressedTo: { kind: 'government' },
          registeredOn: '2026-03-05',
        },
      },
      { registry: reg(), calendar },
    );
    expect(result.values.routedTo).toBe('p-dep-a');
  });

  it('reports the next number for the number step with a custom pattern', () => {
    const result = evaluate(
      {
        kind: 'document',
        step: 'number',
        date: '2026-03-05',
        numbering: { used: ['崆政函〔2026〕1号', '崆政函〔2026〕3号'], pattern: '崆政函〔{year}〕{n}号' },
        document: {
          id: 'd-1',
          direction: 'outgoing',
          title: '函',
          kind: 'letter',
          issuer: { kind: 'government' },
          flow: 'parallel',
          draftingUnitId: 'u-edu',
          signatures: [{ personId: 'p-dep-a', date: '2026-03-04', role: 'sign' }],
          documentNumber: '崆政函〔2026〕4号',
        },
      },
      { registry: reg(), calendar },
    );
    expect(result.values).toMatchObject({ nextNumber: '崆政函〔2026〕4号', numberGaps: [2] });
    expect(result.findings).toEqual([]);
  });
});
