import { access, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const squad = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string(), answers: z.array(z.object({ text: z.string() })).min(1) })),
        }),
      ),
    }),
  ),
});

export interface XquadQuestion {
  id: string;
  question: string;
  answers: string[];
  /** '/03-normannen/' */
  page: string;
  /** '/03-normannen/#p-2' */
  section: string;
}

export interface XquadSite {
  url: string;
  questions: XquadQuestion[];
  pages: string[];
  close(): Promise<void>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where xquad.de.json lives: AUSKUNFT_EVAL_XQUAD, else ../shared/data/xquad/ beside the checkout
 * (or beside the folder holding a git worktree). Never inside the repository: the data is
 * CC BY-SA and not ours to ship.
 */
export async function findXquadFile(explicit?: string): Promise<string | null> {
  const candidates = explicit ? [explicit] : [join(REPO_ROOT, '..', 'shared', 'data', 'xquad', 'xquad.de.json'), join(REPO_ROOT, '..', '..', 'shared', 'data', 'xquad', 'xquad.de.json')];
  for (const candidate of candidates) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // try the next place
    }
  }
  if (explicit) throw new Error(`Die XQuAD-Datei ${explicit} gibt es nicht.`);
  return null;
}

/**
 * Builds a small static site from XQuAD in memory — one page per article (the title as <h1>),
 * one <section id="p-N"> with the heading "Abschnitt N" per paragraph — and serves it on
 * 127.0.0.1 with a sitemap, so the checkout's own crawler can index it like any site.
 */
export async function startXquadSite(file: string): Promise<XquadSite> {
  const { data } = squad.parse(JSON.parse(await readFile(file, 'utf8')));
  const files = new Map<string, { type: string; body: string }>();
  const questions: XquadQuestion[] = [];
  const pages: string[] = [];
  data.forEach((article, a) => {
    const page = `/${String(a + 1).padStart(2, '0')}-${slug(article.title)}/`;
    pages.push(page);
    const sections = article.paragraphs.map((p, i) => {
      for (const qa of p.qas) questions.push({ id: qa.id, question: qa.question, answers: qa.answers.map((x) => x.text), page, section: `${page}#p-${i + 1}` });
      return `<section id="p-${i + 1}"><h2>Abschnitt ${i + 1}</h2><p>${escapeHtml(p.context)}</p></section>`;
    });
    files.set(page, { type: 'text/html; charset=utf-8', body: html(article.title, `<h1>${escapeHtml(article.title)}</h1>\n${sections.join('\n')}`) });
  });
  files.set('/', { type: 'text/html; charset=utf-8', body: html('XQuAD (Deutsch)', `<h1>XQuAD (Deutsch)</h1><ul>${data.map((a, i) => `<li><a href="${pages[i]}">${escapeHtml(a.title)}</a></li>`).join('')}</ul>`) });
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`);
    if (path === '/sitemap.xml') {
      const urls = ['/', ...pages].map((p) => `<url><loc>${origin}${p}</loc></url>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const file = files.get(path);
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Nicht gefunden');
    res.writeHead(200, { 'content-type': file.type }).end(req.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, questions, pages, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Every k-th question so that about `limit` remain; deterministic, spread over all articles. */
export function sampleEvery<T>(items: readonly T[], limit: number | undefined): T[] {
  if (!limit || limit >= items.length) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

function html(title: string, main: string): string {
  return `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>\n${main}\n</main></body></html>\n`;
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'artikel'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
