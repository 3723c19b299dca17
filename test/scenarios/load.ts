/**
 * Loading and judging scenario files (format: docs/scenarios.md). Shared by the CLI (run.ts) and the vitest
 * suite (test/unit/scenarios.test.ts), so both judge a scenario the same way.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { createWorkingCalendar, type CalendarYearData } from '../../shared/calendar';
import { parseRegistry, type Finding } from '../../shared/domain';
import type { Evaluate, Evaluation } from './evaluators/types';

const here = dirname(fileURLToPath(import.meta.url));
export const SCENARIO_ROOT = here;
const REGISTRY_KEYS = [
  'people',
  'posts',
  'units',
  'portfolios',
  'entrustments',
  'travels',
  'coverages',
] as const;

const expectedFindingSchema = z
  .object({
    ruleId: z.string().min(1),
    articles: z.array(z.number().int().min(1).max(75)).optional(),
    severity: z.enum(['block', 'warn', 'info']).optional(),
    /** Id of what the finding is about (a person, topic, leave, document …). */
    subjectId: z.string().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    articles: z.array(z.number().int().min(1).max(75)).min(1),
    registry: z
      .object({
        base: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
        /** Ids of base records to drop (any list). */
        omit: z.array(z.string()).default([]),
        ...Object.fromEntries(REGISTRY_KEYS.map((k) => [k, z.array(z.unknown()).default([])])),
      })
      .strict()
      .default({ omit: [] }),
    calendar: z
      .object({ enteredYears: z.array(z.unknown()).default([]), includeShipped: z.boolean().default(true) })
      .strict()
      .default({ enteredYears: [], includeShipped: true }),
    subject: z.looseObject({ kind: z.string().regex(/^[a-z][a-zA-Z]*$/, '主题类型只能是字母') }),
    expect: z
      .object({
        findings: z.array(expectedFindingSchema).default([]),
        absentFindings: z.array(z.string()).default([]),
        onlyListedFindings: z.boolean().default(false),
        values: z.record(z.string(), z.unknown()).default({}),
        /** The evaluation must throw an error whose message contains this text. */
        error: z.string().optional(),
      })
      .strict(),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;

export interface ScenarioResult {
  readonly file: string;
  readonly name: string;
  readonly ok: boolean;
  readonly reason?: string;
}

/** Every *.json under `dir`, recursively, sorted; the registries/ folder holds bases, not scenarios. */
export async function collectScenarioFiles(dir: string): Promise<string[]> {
  const info = await stat(dir);
  if (info.isFile()) return dir.endsWith('.json') ? [dir] : [];
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'registries' || entry.name === 'node_modules') continue;
      out.push(...(await collectScenarioFiles(path)));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      out.push(path);
    }
  }
  return out;
}

function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`).join('; ');
}

async function buildRegistry(s: Scenario) {
  const merged: Record<string, unknown[]> = {};
  let base: Record<string, unknown[]> = {};
  if (s.registry.base !== undefined) {
    const file = join(here, 'registries', `${s.registry.base}.json`);
    if (!existsSync(file)) throw new Error(`registry.base “${s.registry.base}” not found (${file})`);
    base = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown[]>;
  }
  const omit = new Set(s.registry.omit);
  for (const k of REGISTRY_KEYS) {
    const fromBase = (base[k] ?? []).filter((r) => !omit.has(String((r as { id?: unknown }).id)));
    merged[k] = [...fromBase, ...((s.registry as unknown as Record<string, unknown[]>)[k] ?? [])];
  }
  return parseRegistry(merged);
}

const evaluatorCache = new Map<string, Evaluate>();

async function loadEvaluator(kind: string): Promise<Evaluate> {
  const cached = evaluatorCache.get(kind);
  if (cached) return cached;
  const file = join(here, 'evaluators', `${kind}.ts`);
  if (!existsSync(file) || kind === 'types')
    throw new Error(`no evaluator for subject.kind “${kind}” (${file})`);
  const mod = (await import(pathToFileURL(file).href)) as { evaluate?: Evaluate };
  if (typeof mod.evaluate !== 'function') throw new Error(`evaluator ${kind}.ts does not export evaluate`);
  evaluatorCache.set(kind, mod.evaluate);
  return mod.evaluate;
}

const describeFinding = (f: Finding) => `${f.ruleId}[${f.articles.join(',')}/${f.severity}]`;

/** Compares an evaluation with `expect`; returns the reasons it does not match (empty = pass). */
export function compare(s: Scenario, ev: Evaluation): string[] {
  const problems: string[] = [];
  const matches = (f: Finding, e: z.output<typeof expectedFindingSchema>) =>
    f.ruleId === e.ruleId &&
    (e.severity === undefined || f.severity === e.severity) &&
    (e.subjectId === undefined || f.subject.id === e.subjectId) &&
    (e.articles === undefined ||
      isDeepStrictEqual(
        [...f.articles].sort((a, b) => a - b),
        [...e.articles].sort((a, b) => a - b),
      ));
  for (const e of s.expect.findings) {
    if (!ev.findings.some((f) => matches(f, e))) {
      const same = ev.findings.filter((f) => f.ruleId === e.ruleId).map(describeFinding);
      problems.push(
        `expected ${e.ruleId}${e.articles ? `[${e.articles.join(',')}]` : ''}${e.severity ? `/${e.severity}` : ''} missing` +
          (same.length ? ` (got ${same.join(' ')})` : ''),
      );
    }
  }
  for (const id of s.expect.absentFindings) {
    const hit = ev.findings.find((f) => f.ruleId === id);
    if (hit) problems.push(`unexpected ${describeFinding(hit)}: ${hit.message}`);
  }
  if (s.expect.onlyListedFindings) {
    for (const f of ev.findings) {
      if (!s.expect.findings.some((e) => matches(f, e)))
        problems.push(`unlisted ${describeFinding(f)}: ${f.message}`);
    }
  }
  for (const [key, want] of Object.entries(s.expect.values)) {
    if (!(key in ev.values)) problems.push(`value ${key} not computed`);
    else if (!isDeepStrictEqual(ev.values[key], want))
      problems.push(`value ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(ev.values[key])}`);
  }
  return problems;
}

/** Reads, validates, evaluates and judges one scenario file. Never throws: problems become a failure. */
export async function runScenarioFile(file: string, root: string = process.cwd()): Promise<ScenarioResult> {
  const shown = relative(root, file) || file;
  let name = shown;
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      return { file, name, ok: false, reason: `malformed JSON: ${(e as Error).message}` };
    }
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success)
      return { file, name, ok: false, reason: `malformed scenario: ${zodMessage(parsed.error)}` };
    const s = parsed.data;
    name = s.name;
    const registry = await buildRegistry(s);
    const calendar = createWorkingCalendar(s.calendar.enteredYears as CalendarYearData[], {
      includeShipped: s.calendar.includeShipped,
    });
    const evaluate = await loadEvaluator(s.subject.kind);
    let ev: Evaluation;
    try {
      ev = evaluate(s.subject, { registry, calendar });
    } catch (e) {
      const msg = e instanceof z.ZodError ? `malformed subject: ${zodMessage(e)}` : (e as Error).message;
      if (s.expect.error !== undefined) {
        return msg.includes(s.expect.error)
          ? { file, name, ok: true }
          : { file, name, ok: false, reason: `error “${msg}” does not contain “${s.expect.error}”` };
      }
      return { file, name, ok: false, reason: msg };
    }
    if (s.expect.error !== undefined)
      return { file, name, ok: false, reason: `expected error “${s.expect.error}”, none thrown` };
    const problems = compare(s, ev);
    return problems.length === 0
      ? { file, name, ok: true }
      : { file, name, ok: false, reason: problems.join('; ') };
  } catch (e) {
    const msg = e instanceof z.ZodError ? zodMessage(e) : (e as Error).message;
    return { file, name, ok: false, reason: msg };
  }
}

export async function runScenarioDir(dir: string, root?: string): Promise<ScenarioResult[]> {
  const files = await collectScenarioFiles(dir);
  const out: ScenarioResult[] = [];
  for (const f of files) out.push(await runScenarioFile(f, root));
  return out;
}
