import type { CheerioAPI } from 'cheerio';

export function pageLanguage($: CheerioAPI, options: { defaultLang?: string | undefined; contentLanguage?: string | null | undefined }): string {
  const declared = $('html').attr('lang') ?? $('html').attr('xml:lang') ?? $('meta[http-equiv="content-language" i]').attr('content') ?? options.contentLanguage ?? '';
  // Content-Language may list several ("de, en"); the first is the page's main language.
  return declared.split(',')[0]!.trim() || options.defaultLang || 'de';
}

export function pageTitle($: CheerioAPI): string {
  const h1 = collapse($('main h1, [role="main"] h1, article h1').first().text() || $('h1').first().text());
  if (h1) return h1;
  // "Seitentitel | Name der Behörde", but also "Gemeinde Musterhausen - Seitentitel": the part that
  // is not the site's name (as the logo, og:site_name or application-name give it).
  const parts = collapse($('title').text()).split(/\s+[|–—-]\s+|:\s+/).filter(Boolean);
  const siteNames = new Set(
    [$('meta[property="og:site_name"]').attr('content'), $('meta[name="application-name"]').attr('content'),
      ...$('#logo img, .logo img, a[rel="home"] img, header img, body img').slice(0, 3).map((_, img) => $(img).attr('alt')).get()]
      .map((name) => collapse(name ?? '').toLowerCase())
      .filter(Boolean),
  );
  return parts.find((part) => !siteNames.has(part.toLowerCase())) ?? parts[0] ?? '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
