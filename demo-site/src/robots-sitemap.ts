import type { Page } from './content.js';
import { escapeHtml } from './html.js';

export function renderRobotsTxt(origin: string): string {
  return `# Landschaftsverband Mittelrhein-Ruhr
User-agent: *
Allow: /
Disallow: /intern/

Sitemap: ${origin}/sitemap.xml
`;
}

function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function renderSitemap(origin: string, pages: Page[]): string {
  const urls = pages
    .map(
      (page) => `  <url>
    <loc>${escapeHtml(origin + page.urlPath)}</loc>
    <lastmod>${w3cDate(page.mtime)}</lastmod>
  </url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`;
}

export function latestMtime(pages: Page[]): Date | undefined {
  let latest: Date | undefined;
  for (const page of pages) if (!latest || page.mtime > latest) latest = page.mtime;
  return latest;
}
