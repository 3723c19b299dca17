/**
 * Runs every scenario file through the same code as `npm run scenarios`, so vitest coverage counts them, and
 * checks the runner's own judgement on small hand-made files (malformed, wrong expectations).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectScenarioFiles, runScenarioFile, scenarioSchema, SCENARIO_ROOT } from '../scenarios/load';

const files = await collectScenarioFiles(SCENARIO_ROOT);

describe('scenario files', () => {
  it('there are at least 60 of them, none taken from registries/', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(files.some((f) => f.includes('/registries/'))).toBe(false);
  });

  it.each(files.map((f) => [f.slice(SCENARIO_ROOT.length + 1), f]))('%s', async (_label, file) => {
    const r = await runScenarioFile(file, SCENARIO_ROOT);
    expect(r.reason ?? '').toBe('');
    expect(r.ok).toBe(true);
  });
});

/**
 * Issue 3: every enforceable article of the meeting/travel rules has a scenario that keeps it (cites the
 * article and expects no block/warn finding citing it) and one that breaks it (expects such a finding).
 */
describe('article coverage of the meeting, acting and travel rules', () => {
  const ENFORCEABLE = [7, 8, 9, 23, 24, 25, 27, 29, 39, 40, 41, 42, 43, 44, 45, 46, 47, 53, 59];
  const scenarios = files.map((f) => scenarioSchema.parse(JSON.parse(readFileSync(f, 'utf8'))));
  const serious = (e: { articles?: number[]; severity?: string }, a: number) =>
    (e.articles ?? []).includes(a) && (e.severity === 'block' || e.severity === 'warn');

  it.each(ENFORCEABLE)('article %i is kept by one scenario and broken by another', (a) => {
    const breaks = scenarios.filter((s) => s.expect.findings.some((e) => serious(e, a)));
    const keeps = scenarios.filter(
      (s) =>
        s.articles.includes(a) &&
        s.expect.error === undefined &&
        !s.expect.findings.some((e) => serious(e, a)) &&
        (s.expect.onlyListedFindings ||
          s.expect.absentFindings.length > 0 ||
          Object.keys(s.expect.values).length > 0),
    );
    expect(breaks.map((s) => s.name)).not.toEqual([]);
    expect(keeps.map((s) => s.name)).not.toEqual([]);
  });
});

describe('the runner judges', () => {
  let dir = '';
  const put = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
    return path;
  };
  const base = {
    name: 'x',
    description: '测试',
    articles: [9],
    registry: { base: 'office' },
    subject: { kind: 'acting', date: '2026-03-11' },
    expect: {},
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'huiwen-scenarios-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a well-formed passing file as PASS', async () => {
    const r = await runScenarioFile(await put('ok.json', base), dir);
    expect(r).toMatchObject({ ok: true, name: 'x' });
  });

  it('broken JSON as a failure naming the problem', async () => {
    const r = await runScenarioFile(await put('bad.json', '{ "name": '), dir);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/malformed JSON/);
    expect(r.name).toBe('bad.json');
  });

  it('a file missing required fields as malformed', async () => {
    const r = await runScenarioFile(
      await put('missing.json', { name: 'y', subject: { kind: 'acting' } }),
      dir,
    );
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/malformed scenario/);
  });

  it('an unknown subject kind and an unknown base registry as failures', async () => {
    const k = await runScenarioFile(await put('kind.json', { ...base, subject: { kind: 'nothing' } }), dir);
    expect(k.reason).toMatch(/no evaluator/);
    const b = await runScenarioFile(await put('base.json', { ...base, registry: { base: 'nowhere' } }), dir);
    expect(b.reason).toMatch(/not found/);
  });

  it('a malformed subject as a failure', async () => {
    const r = await runScenarioFile(
      await put('subj.json', { ...base, subject: { kind: 'acting', date: '2026-02-30' } }),
      dir,
    );
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/malformed subject/);
  });

  it('missing, unexpected and unlisted findings and wrong values', async () => {
    const travels = [
      {
        id: 'tr-1',
        personId: 'p-dep1',
        from: '2026-03-10',
        to: '2026-03-12',
        destination: '兰州',
        purpose: '开会',
        reportedTo: ['districtHead', 'partyCommittee'],
        reportedOn: '2026-03-08',
      },
    ];
    const s = {
      ...base,
      registry: { base: 'office', travels },
      expect: {
        findings: [{ ruleId: 'acting.gap' }, { ruleId: 'acting.arrangement', articles: [47] }],
        absentFindings: ['acting.arrangement'],
        onlyListedFindings: true,
        values: { acting: { 'p-dep1': 'p-exec' }, nothing: 1 },
      },
    };
    const r = await runScenarioFile(await put('wrong.json', s), dir);
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('expected acting.gap missing');
    expect(r.reason).toContain('expected acting.arrangement[47] missing (got acting.arrangement[9/info])');
    expect(r.reason).toContain('unexpected acting.arrangement');
    expect(r.reason).toContain('unlisted acting.arrangement');
    expect(r.reason).toContain('value acting: expected {"p-dep1":"p-exec"}, got {"p-dep1":"p-dep2"}');
    expect(r.reason).toContain('value nothing not computed');
  });

  it('an expected error that does not come, and one that does not match', async () => {
    const none = await runScenarioFile(
      await put('noerr.json', { ...base, expect: { error: '未录入' } }),
      dir,
    );
    expect(none.reason).toMatch(/expected error/);
    const cal = {
      ...base,
      calendar: { enteredYears: [], includeShipped: false },
      subject: { kind: 'calendar', question: 'isWorkingDay', date: '2026-03-05' },
    };
    const other = await runScenarioFile(
      await put('othererr.json', { ...cal, expect: { error: '不相干' } }),
      dir,
    );
    expect(other.reason).toMatch(/does not contain/);
    const thrown = await runScenarioFile(await put('thrown.json', cal), dir);
    expect(thrown.ok).toBe(false);
  });

  it('collects *.json recursively, skipping registries/', async () => {
    await mkdir(join(dir, 'sub', 'registries'), { recursive: true });
    await put('sub/a.json', base);
    await put('sub/registries/base.json', {});
    await put('sub/readme.txt', 'x');
    const found = await collectScenarioFiles(join(dir, 'sub'));
    expect(found.map((f) => f.slice(dir.length))).toEqual(['/sub/a.json']);
    expect(await collectScenarioFiles(join(dir, 'sub', 'a.json'))).toHaveLength(1);
  });

  it('the CLI prints one line per scenario, the closing count, and exits non-zero on a failure', async () => {
    await mkdir(join(dir, 'cli'), { recursive: true });
    await put('cli/good.json', base);
    const run = (target: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'test/scenarios/run.ts', target], { encoding: 'utf8' });
    const ok = run(join(dir, 'cli'));
    expect(ok.stdout.trim().split('\n')).toEqual(['PASS x', '1 passed, 0 failed']);
    expect(ok.status).toBe(0);
    await put('cli/broken.json', '[');
    const bad = run(join(dir, 'cli'));
    expect(bad.stdout).toMatch(/FAIL .*cli\/broken\.json: malformed JSON/);
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(bad.status).toBe(1);
    const missing = run(join(dir, 'nowhere'));
    expect(missing.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(missing.status).toBe(1);
  }, 60_000); // three Node processes with tsx: slow on a loaded machine, nothing timed is asserted
});
