/**
 * Serving `app://huiwen/...`: a pure resolver from URL to a file under one of two roots, and an
 * fs-touching wrapper that re-checks the real path (symlinks) and builds the response.
 *
 * The resolver is deliberately stricter than a URL parser: Chromium normalises most tricks before we see
 * them, but this is the one place where a renderer-controlled string becomes a disk path, so it refuses
 * anything that is not a plain, allow-listed relative path.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import { htmlSecurityHeaders, htmlWithNonce } from './csp';

export interface ServeRoots {
  /** The built renderer folder (out/renderer). */
  readonly renderer: string;
  /** The app's resources folder, served under `/resources/...`. */
  readonly resources: string;
}

export type RootName = keyof ServeRoots;

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly root: RootName; readonly path: string; readonly mime: string }
  | { readonly kind: 'deny'; readonly status: 400 | 403 | 404; readonly reason: string };

const HTML_MIME_VALUE = 'text/html; charset=utf-8';
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  html: HTML_MIME_VALUE,
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  // pdf.js character maps and standard fonts
  bcmap: 'application/octet-stream',
  pfb: 'application/octet-stream',
};

/** Letters (any script, so Chinese resource names work), digits and a few safe punctuation marks. */
const SAFE_SEGMENT = /^[\p{L}\p{N}_\-+@~() ][\p{L}\p{N}._\-+@~() ]*$/u;
const MAX_URL_LENGTH = 2048;
const INDEX_FILE = 'index.html';

const deny = (status: 400 | 403 | 404, reason: string): AppRequestResolution => ({
  kind: 'deny',
  status,
  reason,
});

/** The raw path part of an `app://huiwen/...` URL, before any URL-parser normalisation. */
function rawPathOf(url: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = url.slice(prefix.length);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?') && !rest.startsWith('#')) return null;
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  return rawPath === '' ? '/' : rawPath;
}

export function mimeFor(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return MIME_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

/**
 * Maps a request URL to a file, or says why not. Pure: no disk access (symlinks are checked by
 * `serveAppRequest`). Extension-less paths fall back to index.html (client-side routes); anything
 * with an extension must exist as such.
 */
export function resolveAppRequest(url: string, roots: ServeRoots): AppRequestResolution {
  if (url.length > MAX_URL_LENGTH) return deny(400, 'url too long');
  // Control characters (NUL included) and backslashes never belong in our URLs, raw or encoded.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return deny(400, 'control character or backslash');
  if (/%(?:00|5c|2f)/i.test(url)) return deny(400, 'encoded NUL, backslash or slash');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return deny(400, 'unparseable url');
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return deny(403, 'wrong scheme');
  if (
    parsed.hostname !== APP_HOST ||
    parsed.port !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return deny(403, 'wrong host');
  }
  const rawPath = rawPathOf(url);
  if (rawPath === null) return deny(403, 'wrong host');

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return deny(400, 'malformed percent-encoding');
  }
  // A '%' surviving one decode means double encoding (e.g. %252e%252e); our files never contain '%'.
  if (decoded.includes('%')) return deny(400, 'double-encoded path');
  // eslint-disable-next-line no-control-regex -- NUL and control characters are exactly what we refuse
  if (/[\u0000-\u001f\\:]/.test(decoded)) return deny(400, 'forbidden character in path');

  const trimmed = decoded.replace(/^\//, '').replace(/\/$/, '');
  const segments = trimmed === '' ? [] : trimmed.split('/');
  for (const segment of segments) {
    if (segment === '') return deny(400, 'empty path segment');
    if (segment === '.' || segment === '..') return deny(403, 'dot segment');
    if (segment.startsWith('.')) return deny(403, 'hidden file');
    if (!SAFE_SEGMENT.test(segment)) return deny(400, 'unsafe path segment');
  }

  if (segments[0] === 'resources') {
    const rest = segments.slice(1);
    const last = rest[rest.length - 1];
    if (last === undefined) return deny(404, 'no resource named');
    const mime = mimeFor(last);
    if (mime === undefined) return deny(404, 'unknown file type');
    return { kind: 'file', root: 'resources', path: path.join(roots.resources, ...rest), mime };
  }

  const last = segments[segments.length - 1];
  if (last === undefined || !last.includes('.')) {
    // Client-side route (or the bare origin): serve the app shell.
    return {
      kind: 'file',
      root: 'renderer',
      path: path.join(roots.renderer, INDEX_FILE),
      mime: HTML_MIME_VALUE,
    };
  }
  const mime = mimeFor(last);
  if (mime === undefined) return deny(404, 'unknown file type');
  return { kind: 'file', root: 'renderer', path: path.join(roots.renderer, ...segments), mime };
}

/** True when `candidate` is `root` itself or lies inside it (both already absolute and normalised). */
export function isInside(
  root: string,
  candidate: string,
  pathApi: Pick<typeof path, 'relative' | 'isAbsolute' | 'sep'> = path,
): boolean {
  const rel = pathApi.relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${pathApi.sep}`) && rel !== '..' && !pathApi.isAbsolute(rel));
}

export interface ServeFs {
  readonly realpath: (p: string) => Promise<string>;
  readonly readFile: (p: string) => Promise<Uint8Array>;
}

export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

const textResponse = (status: number, text: string): AppResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: new TextEncoder().encode(text),
});

/**
 * Resolves, re-checks the real path against the real root (a symlink inside out/renderer pointing
 * elsewhere is refused), reads the file and, for HTML, injects the launch nonce and the CSP header.
 */
export async function serveAppRequest(
  url: string,
  roots: ServeRoots,
  nonce: string,
  fs: ServeFs,
): Promise<AppResponse> {
  const resolved = resolveAppRequest(url, roots);
  if (resolved.kind === 'deny')
    return textResponse(resolved.status, resolved.status === 404 ? 'Not Found' : 'Forbidden');
  let realFile: string;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(roots[resolved.root]);
    realFile = await fs.realpath(resolved.path);
  } catch {
    return textResponse(404, 'Not Found');
  }
  if (!isInside(realRoot, realFile)) return textResponse(403, 'Forbidden');
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(realFile);
  } catch {
    return textResponse(404, 'Not Found');
  }
  if (resolved.mime.startsWith('text/html')) {
    const html = htmlWithNonce(new TextDecoder().decode(bytes), nonce);
    return {
      status: 200,
      headers: { 'Content-Type': resolved.mime, ...htmlSecurityHeaders(nonce) },
      body: new TextEncoder().encode(html),
    };
  }
  return {
    status: 200,
    headers: { 'Content-Type': resolved.mime, 'X-Content-Type-Options': 'nosniff' },
    body: bytes,
  };
}
