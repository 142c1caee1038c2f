import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontMatter } from './front-matter.js';
import { fileToUrlPath, pagesDir, resolvePagePath } from './site-files.js';

export interface PageMeta {
  /** <title> and, unless `heading` is set, the <h1> */
  title: string;
  heading: string;
  /** Short label in breadcrumbs of this page and its children */
  breadcrumb: string;
  description: string;
  /** ISO date shown as "Stand" */
  updated?: string;
  /** URL paths shown in the "Das könnte Sie auch interessieren" aside */
  related: string[];
  /** false: not in listDemoPages() or the sitemap (e.g. /intern/, /suche/) */
  isPublic: boolean;
  /** value of <meta name="robots">, e.g. 'noindex' */
  robots?: string;
  /** 'FAQPage': JSON-LD is generated from the h3 + p pairs in the body */
  schema?: string;
}

export interface ContentFile {
  meta: PageMeta;
  body: string;
  mtime: Date;
}

export interface Page extends ContentFile {
  urlPath: string;
}

function toMeta(fields: Map<string, string>, file: string): PageMeta {
  const title = fields.get('title');
  const description = fields.get('description');
  if (!title || !description) throw new Error(`${file}: front matter needs title and description`);
  const related = (fields.get('related') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return {
    title,
    heading: fields.get('heading') ?? title,
    breadcrumb: fields.get('breadcrumb') ?? title,
    description,
    updated: fields.get('updated'),
    related,
    isPublic: (fields.get('public') ?? 'yes') !== 'no',
    robots: fields.get('robots'),
    schema: fields.get('schema'),
  };
}

/** Reads and parses a content file; undefined if it does not exist. */
export async function readContentFile(file: string): Promise<ContentFile | undefined> {
  let source: string;
  let mtime: Date;
  try {
    [source, { mtime }] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
  const { fields, body } = parseFrontMatter(source);
  return { meta: toMeta(fields, file), body, mtime };
}

export async function readPage(urlPath: string): Promise<Page | undefined> {
  const resolved = resolvePagePath(urlPath);
  if (!resolved) return undefined;
  const content = await readContentFile(resolved.file);
  return content && { ...content, urlPath: resolved.urlPath };
}

async function findIndexFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findIndexFiles(full)));
    else if (entry.name === 'index.html') found.push(full);
  }
  return found;
}

/** All pages (public and non-public), sorted by URL path. */
export async function readAllPages(): Promise<Page[]> {
  const files = await findIndexFiles(pagesDir);
  const pages = await Promise.all(
    files.map(async (file) => {
      const content = await readContentFile(file);
      if (!content) throw new Error(`${file} vanished while listing pages`);
      return { ...content, urlPath: fileToUrlPath(file) };
    }),
  );
  return pages.sort((a, b) => (a.urlPath < b.urlPath ? -1 : a.urlPath > b.urlPath ? 1 : 0));
}

export async function listPublicPages(): Promise<Page[]> {
  return (await readAllPages()).filter((page) => page.meta.isPublic);
}
