/**
 * Runs electronegativity (Doyensec's Electron security scanner) over electron/ and fails on any HIGH or
 * MEDIUM finding that nobody has answered. A finding is answered by a comment directly above the line
 * it names (or, for global checks without a file, anywhere in electron/ sources):
 *
 *   // electronegativity: CHECK_NAME[, CHECK_NAME…] — why this is safe
 *
 * The scanner is called programmatically (its CLI always exits 0) with its network lookups stubbed out:
 * it would otherwise try to download translations and Electron release data, slowly, on every run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const electronDir = path.join(root, 'electron');

interface Finding {
  readonly id: string;
  readonly severity: { readonly name: string; readonly value: number };
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly sample?: string;
}

interface ScanResult {
  readonly issues: readonly Finding[];
  readonly errors: readonly {
    readonly file: string;
    readonly message: string;
    readonly tolerable: boolean;
  }[];
}

const MARKER = /\/\/\s*electronegativity:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*[—–-]+\s*(\S.{9,})$/;

/** Check names answered by a marker in `comment`, if it is one with a real reason. */
export function answeredChecks(comment: string): readonly string[] {
  const match = MARKER.exec(comment.trim());
  if (!match) return [];
  return match[1]!.split(',').map((s) => s.trim());
}

/** True when the contiguous `//` comment block directly above `line` (1-based) answers `check`. */
export function isAnsweredAt(source: string, line: number, check: string): boolean {
  const lines = source.split('\n');
  for (let i = line - 2; i >= 0; i -= 1) {
    const text = lines[i]!.trim();
    if (!text.startsWith('//')) return false;
    if (answeredChecks(text).includes(check)) return true;
  }
  return false;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

async function scan(): Promise<ScanResult> {
  const scannerRequire = createRequire(
    path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js'),
  );
  // Offline: replace its HTTP client with one that fails at once (translations then fall back to the
  // bundled English; the release-data check is excluded below).
  const gotPath = scannerRequire.resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('offline'));
  scannerRequire.cache[gotPath] = stub;
  const run = scannerRequire('./runner.js') as (options: object, forCli: boolean) => Promise<ScanResult>;
  const electronVersion = (
    JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return run(
    {
      input: electronDir,
      customScan: [],
      // Needs Electron's release list from the internet; our version is pinned in package-lock instead.
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
}

describe('electronegativity marker convention', () => {
  it('parses markers with one or more check names and a reason', () => {
    expect(answeredChecks('// electronegativity: CSP_GLOBAL_CHECK — CSP is sent as a header')).toEqual([
      'CSP_GLOBAL_CHECK',
    ]);
    expect(
      answeredChecks('// electronegativity: A_CHECK, B_CHECK - options come from a tested factory'),
    ).toEqual(['A_CHECK', 'B_CHECK']);
  });
  it('refuses markers without a real reason', () => {
    expect(answeredChecks('// electronegativity: CSP_GLOBAL_CHECK')).toEqual([]);
    expect(answeredChecks('// electronegativity: CSP_GLOBAL_CHECK — ok')).toEqual([]);
  });
  it('only accepts the comment block directly above the line', () => {
    const source = [
      '// electronegativity: X_CHECK — reason given right here',
      '// more words',
      'new Thing(',
      '',
      'new Thing(',
    ].join('\n');
    expect(isAnsweredAt(source, 3, 'X_CHECK')).toBe(true);
    expect(isAnsweredAt(source, 3, 'Y_CHECK')).toBe(false);
    expect(isAnsweredAt(source, 5, 'X_CHECK')).toBe(false);
  });
});

describe('electronegativity scan of electron/', () => {
  it('has no unanswered HIGH or MEDIUM finding', { timeout: 60_000 }, async () => {
    const result = await scan();
    // A file the scanner cannot parse is a file it did not check.
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);

    const globalMarkers = new Set(
      sourceFiles(electronDir).flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap(answeredChecks)),
    );
    const unanswered = result.issues
      .filter((issue) => issue.severity.value >= 2) // MEDIUM = 2, HIGH = 3
      .filter((issue) => !issue.file.endsWith('.test.ts')) // tests are not shipped
      .filter((issue) =>
        issue.file === 'N/A'
          ? !globalMarkers.has(issue.id)
          : !isAnsweredAt(readFileSync(issue.file, 'utf8'), issue.location.line, issue.id),
      )
      .map(
        (issue) =>
          `${issue.id} (${issue.severity.name}) at ${path.relative(root, issue.file)}:${issue.location.line} ${issue.sample ?? ''}`,
      );
    expect(unanswered).toEqual([]);
  });
});
