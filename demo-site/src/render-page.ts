import { readPage, type ContentFile, type Page } from './content.js';
import { extractFaqEntries, renderFaqJsonLd } from './faq-schema.js';
import { renderLayout, type Link } from './layout.js';

export interface RenderContext {
  origin: string;
  injectBeforeBodyEnd?: string;
}

function ancestorPaths(urlPath: string): string[] {
  const segments = urlPath.split('/').filter((segment) => segment !== '');
  const paths = ['/'];
  for (let i = 1; i < segments.length; i++) paths.push(`/${segments.slice(0, i).join('/')}/`);
  return urlPath === '/' ? [] : paths;
}

async function linksTo(paths: string[], labelOf: (page: Page) => string): Promise<Link[]> {
  const pages = await Promise.all(paths.map((path) => readPage(path.replace(/#.*$/, ''))));
  const links: Link[] = [];
  pages.forEach((page, i) => {
    if (page) links.push({ href: paths[i]!, label: labelOf(page) });
  });
  return links;
}

export async function renderPage(page: Page, context: RenderContext): Promise<string> {
  const { meta } = page;
  const breadcrumb = await linksTo(ancestorPaths(page.urlPath), (p) => (p.urlPath === '/' ? 'Startseite' : p.meta.breadcrumb));
  const related = await linksTo(meta.related, (p) => p.meta.title);
  const headExtra =
    meta.schema === 'FAQPage'
      ? renderFaqJsonLd(extractFaqEntries(page.body), context.origin + page.urlPath, meta.heading)
      : undefined;
  return renderLayout({
    origin: context.origin,
    urlPath: page.urlPath,
    title: meta.title,
    heading: meta.heading,
    description: meta.description,
    breadcrumb,
    currentCrumb: page.urlPath === '/' ? 'Startseite' : meta.breadcrumb,
    related,
    bodyHtml: page.body,
    updated: meta.updated,
    robots: meta.robots,
    canonical: true,
    headExtra,
    injectBeforeBodyEnd: context.injectBeforeBodyEnd,
  });
}

/** The 404 page: same layout, no canonical link, noindex. */
export function renderNotFound(content: ContentFile, context: RenderContext, urlPath: string): string {
  return renderLayout({
    origin: context.origin,
    urlPath,
    title: content.meta.title,
    heading: content.meta.heading,
    description: content.meta.description,
    breadcrumb: [{ href: '/', label: 'Startseite' }],
    currentCrumb: content.meta.breadcrumb,
    related: [],
    bodyHtml: content.body,
    robots: 'noindex',
    canonical: false,
    injectBeforeBodyEnd: context.injectBeforeBodyEnd,
  });
}
