import { mkdtemp, mkdir, realpath, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, mimeFor, resolveAppRequest, serveAppRequest, type ServeRoots } from './protocol';

const roots: ServeRoots = { renderer: '/opt/huiwen/out/renderer', resources: '/opt/huiwen/resources' };

describe('resolveAppRequest: hostile URLs are denied', () => {
  const hostile: readonly string[] = [
    'app://huiwen/../../etc/passwd',
    'app://huiwen/assets/../../../etc/passwd',
    'app://huiwen/%2e%2e/%2e%2e/etc/passwd',
    'app://huiwen/%2E%2E/secret.txt',
    'app://huiwen/%2e%2E/secret.txt',
    'app://huiwen/.%2e/secret.txt',
    'app://huiwen/%252e%252e/%252e%252e/etc/passwd',
    'app://huiwen/%25252e%25252e/x.js',
    'app://huiwen/..%5c..%5cwindows%5cwin.ini',
    'app://huiwen/..%5C..%5Cwin.ini',
    'app://huiwen/..\\..\\win.ini',
    'app://huiwen/assets\\x.js',
    'app://huiwen/%255c..%255cwin.ini',
    'app://huiwen/C:/Windows/win.ini',
    'app://huiwen/c%3a/Windows/win.ini',
    'app://huiwen//etc/passwd',
    'app://huiwen/assets//x.js',
    'app://huiwen/index.html%00.js',
    'app://huiwen/index.html\u0000.js',
    'app://huiwen/a%0d%0aSet-Cookie:x.js',
    'app://huiwen/%2fetc%2fpasswd',
    'app://evil/index.html',
    'app://huiwen.evil.com/index.html',
    'app://huiwen:8080/index.html',
    'app://user:pw@huiwen/index.html',
    'app://user@huiwen/index.html',
    'file:///etc/passwd',
    'http://huiwen/index.html',
    'https://example.com/index.html',
    'javascript:alert(1)',
    'app:huiwen/index.html',
    'app://huiwen/.git/config',
    'app://huiwen/.env',
    'app://huiwen/resources/../package.json',
    'app://huiwen/resources/%2e%2e/package.json',
    'app://huiwen/resources/',
    'app://huiwen/payload.exe',
    'app://huiwen/script.sh',
    'app://huiwen/%E0%A4%A',
    'app://huiwen/ads.txt:stream',
    `app://huiwen/${'a/'.repeat(1200)}x.js`,
    'not a url at all',
    '',
  ];
  it.each(hostile)('denies %s', (url) => {
    const result = resolveAppRequest(url, roots);
    expect(result.kind).toBe('deny');
  });

  it('never resolves to a path outside the roots, whatever the URL', () => {
    for (const url of hostile) {
      const result = resolveAppRequest(url, roots);
      if (result.kind === 'file') {
        expect(isInside(roots.renderer, result.path) || isInside(roots.resources, result.path)).toBe(true);
      }
    }
  });
});

describe('resolveAppRequest: legitimate URLs', () => {
  it('serves built assets with their MIME type', () => {
    expect(resolveAppRequest('app://huiwen/assets/index-Bc_12x.js', roots)).toEqual({
      kind: 'file',
      root: 'renderer',
      path: path.join(roots.renderer, 'assets', 'index-Bc_12x.js'),
      mime: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://huiwen/assets/style.css?v=3#x', roots)).toMatchObject({
      kind: 'file',
      mime: 'text/css; charset=utf-8',
    });
  });

  it('serves index.html for the bare origin and for extension-less client routes (SPA fallback)', () => {
    for (const url of [
      'app://huiwen',
      'app://huiwen/',
      'app://huiwen/meetings/2026',
      'app://huiwen/documents/',
    ]) {
      expect(resolveAppRequest(url, roots)).toEqual({
        kind: 'file',
        root: 'renderer',
        path: path.join(roots.renderer, 'index.html'),
        mime: 'text/html; charset=utf-8',
      });
    }
  });

  it('does not fall back to index.html for missing files with an extension', () => {
    const result = resolveAppRequest('app://huiwen/assets/missing.js', roots);
    expect(result).toMatchObject({ kind: 'file', path: path.join(roots.renderer, 'assets', 'missing.js') });
  });

  it('serves /resources/... from the resources root, including Chinese names', () => {
    expect(resolveAppRequest('app://huiwen/resources/fonts/%E4%BB%BF%E5%AE%8B.ttf', roots)).toEqual({
      kind: 'file',
      root: 'resources',
      path: path.join(roots.resources, 'fonts', '仿宋.ttf'),
      mime: 'font/ttf',
    });
  });

  it('knows the MIME types it serves and refuses unknown ones', () => {
    expect(mimeFor('a.woff2')).toBe('font/woff2');
    expect(mimeFor('a.WASM')).toBe('application/wasm');
    expect(mimeFor('a.exe')).toBeUndefined();
    expect(mimeFor('noext')).toBeUndefined();
  });
});

describe('isInside', () => {
  it('accepts the root and its descendants only', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/etc/passwd')).toBe(false);
    expect(isInside('/a/b', '/a/b/..foo')).toBe(true);
  });
});

describe('serveAppRequest (real files in a temp folder)', () => {
  const nonce = 'QUJDREVGR0hJSktMTU5PUFFS';
  let base: string;
  let served: ServeRoots;
  const fs = { realpath, readFile: async (p: string) => new Uint8Array(await readFile(p)) };

  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'huiwen-protocol-')));
    served = { renderer: path.join(base, 'renderer'), resources: path.join(base, 'resources') };
    await mkdir(path.join(served.renderer, 'assets'), { recursive: true });
    await mkdir(served.resources, { recursive: true });
    await writeFile(
      path.join(served.renderer, 'index.html'),
      '<meta name="csp-nonce" content="%CSP_NONCE%"><script nonce="%CSP_NONCE%" src="./a.js"></script>',
    );
    await writeFile(path.join(served.renderer, 'assets', 'a.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
    await symlink(path.join(base, 'secret.txt'), path.join(served.renderer, 'assets', 'leak.txt'));
    await writeFile(path.join(served.resources, 'note.txt'), '会文');
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('injects the nonce into HTML and sends the matching CSP header', async () => {
    const response = await serveAppRequest('app://huiwen/some/route', served, nonce, fs);
    expect(response.status).toBe(200);
    const html = new TextDecoder().decode(response.body!);
    expect(html).not.toContain('%CSP_NONCE%');
    expect(html.split(nonce)).toHaveLength(3);
    expect(response.headers['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves assets as bytes with nosniff and no CSP rewriting', async () => {
    const response = await serveAppRequest('app://huiwen/assets/a.js', served, nonce, fs);
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(response.body!)).toBe('console.log(1)');
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves resources', async () => {
    const response = await serveAppRequest('app://huiwen/resources/note.txt', served, nonce, fs);
    expect(new TextDecoder().decode(response.body!)).toBe('会文');
  });

  it('refuses a symlink that escapes the root', async () => {
    const response = await serveAppRequest('app://huiwen/assets/leak.txt', served, nonce, fs);
    expect(response.status).toBe(403);
    expect(new TextDecoder().decode(response.body!)).not.toContain('secret');
  });

  it('answers 404 for a missing file and 4xx for a hostile one', async () => {
    expect((await serveAppRequest('app://huiwen/assets/missing.js', served, nonce, fs)).status).toBe(404);
    expect((await serveAppRequest('app://huiwen/../secret.txt', served, nonce, fs)).status).toBe(403);
    expect((await serveAppRequest('app://huiwen/%252e%252e/secret.txt', served, nonce, fs)).status).toBe(400);
  });
});
