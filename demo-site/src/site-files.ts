import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** demo-site/site/ — works from src/ (vitest) and dist/ (compiled), both one level below demo-site/. */
export const siteDir = fileURLToPath(new URL('../site/', import.meta.url));
export const pagesDir = path.join(siteDir, 'pages');
export const assetsDir = path.join(siteDir, 'assets');
/** Downloadable documents (Merkblätter, Antragsformulare) linked from the pages. */
export const mediaDir = path.join(siteDir, 'media');
export const notFoundFile = path.join(siteDir, '404.html');

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;
const ASSET = /^[a-z0-9][a-z0-9-]*\.(css|svg)$/;
const MEDIA = /^[a-z0-9][a-z0-9-]*\.pdf$/;

export interface ResolvedPagePath {
  /** Canonical URL path with trailing slash, e.g. '/inklusionsamt/faq/' */
  urlPath: string;
  file: string;
  /** false when the request lacked the trailing slash (the server redirects) */
  hasTrailingSlash: boolean;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Maps a raw (still percent-encoded) request path to a content file. Only lowercase
 * slug segments are accepted, so '..', '.', backslashes, encoded slashes and NUL bytes
 * never reach the file system.
 */
export function resolvePagePath(rawPath: string): ResolvedPagePath | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const hasTrailingSlash = rawPath.endsWith('/');
  const parts = rawPath.split('/').slice(1);
  if (hasTrailingSlash) parts.pop();
  const segments: string[] = [];
  for (const part of parts) {
    const segment = decodeSegment(part);
    if (segment === undefined || !SEGMENT.test(segment)) return undefined;
    segments.push(segment);
  }
  const file = path.join(pagesDir, ...segments, 'index.html');
  if (!isInside(pagesDir, file)) return undefined;
  const urlPath = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  return { urlPath, file, hasTrailingSlash };
}

export function resolveAssetPath(rawPath: string): { file: string; type: string } | undefined {
  const match = /^\/(assets|media)\/([^/]+)$/.exec(rawPath);
  if (!match) return undefined;
  const media = match[1] === 'media';
  const name = decodeSegment(match[2]!);
  if (name === undefined || !(media ? MEDIA : ASSET).test(name)) return undefined;
  const dir = media ? mediaDir : assetsDir;
  const file = path.join(dir, name);
  if (!isInside(dir, file)) return undefined;
  const type = media ? 'application/pdf' : name.endsWith('.css') ? 'text/css; charset=utf-8' : 'image/svg+xml';
  return { file, type };
}

export function fileToUrlPath(file: string): string {
  const relative = path.relative(pagesDir, path.dirname(file));
  if (relative === '') return '/';
  return `/${relative.split(path.sep).join('/')}/`;
}
