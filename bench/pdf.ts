/**
 * PDF bench: a ~20-page, ~12,000-character 纪要 rendered by the engine in Node, several runs, against
 * LibreOffice converting the same text (as 3号 HTML, soffice --headless --convert-to pdf) in the same run.
 *   tsx bench/pdf.ts [--runs N] [--install]      (npm run bench -- pdf)
 * --install lets the bench apt-get LibreOffice Writer when soffice is missing (slow; root only).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { minutesDocument, renderDocument, type OfficialDocument } from '../shared/pdf';
import { longMinutes } from '../test/fixtures/pdf/sample-office';
import { describeChoices, discoverFonts, nodePdfEnv } from '../scripts/fonts';

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const escapeHtml = (t: string): string =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same text as HTML at 3号 with the 28.95 pt line pitch, so LibreOffice sets a comparable page count. */
function asHtml(doc: OfficialDocument): string {
  const p = (text: string, style = 'text-indent:2em'): string =>
    `<p style="${style}">${escapeHtml(text)}</p>`;
  const parts = [
    p(doc.markText ?? doc.organ, 'text-align:center;color:red;font-size:42pt'),
    p(doc.issueLabel ?? '', 'text-align:center'),
    ...doc.body.map((x) => p(`${x.heading ?? ''}${x.text ?? ''}`)),
  ];
  const a = doc.attendance;
  if (a)
    parts.push(
      p(`出席：${a.present.join('、')}`),
      p(`请假：${(a.absent ?? []).join('、')}`),
      p(`列席：${(a.attending ?? []).join('、')}`),
    );
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "Noto Serif CJK SC"; font-size: 16pt; line-height: 28.95pt; }
p { margin: 0; }
</style></head><body>${parts.join('')}</body></html>`;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export async function run(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 5) : 5;
  const doc = minutesDocument(longMinutes(12_000));
  const chars = doc.body.reduce((n, p) => n + (p.heading ?? '').length + (p.text ?? '').length, 0);

  const choices = discoverFonts();
  console.info(`字体：\n${describeChoices(choices)}`);
  const env = nodePdfEnv(choices);

  // One warm-up run loads the wasm subsetter and the fonts into memory.
  const warm = await renderDocument(doc, env);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await renderDocument(doc, env);
    times.push(performance.now() - t0);
  }
  const engineMs = median(times);
  console.info(
    `engine: ${warm.pageCount} pages, ${chars} characters, median ${engineMs.toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')}), ${warm.bytes.byteLength} bytes`,
  );

  let soffice = which('soffice') ?? which('libreoffice');
  if (!soffice && args.includes('--install')) {
    console.info('installing libreoffice-writer-nogui (slow)…');
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'libreoffice-writer-nogui'], {
      stdio: 'inherit',
    });
    soffice = which('soffice');
  }
  if (!soffice) {
    console.info('baseline skipped: soffice not found (run with --install to apt-get LibreOffice Writer)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'huiwen-bench-'));
  try {
    const txt = join(dir, 'minutes.html');
    writeFileSync(txt, asHtml(doc));
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const convert = (): void => {
      execFileSync(
        soffice,
        [profile, '--headless', '--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', dir, txt],
        { stdio: 'ignore' },
      );
    };
    convert(); // warm-up: creates the profile
    const lo: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      convert();
      lo.push(performance.now() - t0);
    }
    const loMs = median(lo);
    const loBytes = statSync(join(dir, 'minutes.pdf')).size;
    const pages = (readFileSync(join(dir, 'minutes.pdf'), 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? [])
      .length;
    console.info(
      `libreoffice: ${pages} pages, median ${loMs.toFixed(0)} ms over ${runs} runs, ${loBytes} bytes`,
    );
    console.info(
      `ratio engine/libreoffice: ${(engineMs / loMs).toFixed(2)} (time), ${(warm.bytes.byteLength / loBytes).toFixed(2)} (size)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  run().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
