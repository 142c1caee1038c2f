import { escapeHtml } from './html.js';
import { SITE_NAME, footerLinks, mainNavigation, serviceLinks, socialLinks, type NavItem } from './navigation.js';

export interface Link {
  label: string;
  href: string;
}

export interface LayoutInput {
  /** e.g. 'http://127.0.0.1:41234' (no trailing slash) */
  origin: string;
  /** URL path of the page, used for the canonical link and active navigation */
  urlPath: string;
  title: string;
  heading: string;
  description: string;
  /** Ancestors of the page; the page itself is appended automatically */
  breadcrumb: Link[];
  currentCrumb: string;
  related: Link[];
  bodyHtml: string;
  updated?: string;
  robots?: string;
  canonical: boolean;
  headExtra?: string;
  injectBeforeBodyEnd?: string;
}

const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

function isActive(item: NavItem, urlPath: string): 'page' | 'section' | undefined {
  if (item.href === urlPath) return 'page';
  if (item.href !== '/' && urlPath.startsWith(item.href)) return 'section';
  return undefined;
}

function navLink(item: NavItem, urlPath: string): string {
  const active = isActive(item, urlPath);
  const attrs = active === 'page' ? ' aria-current="page"' : active === 'section' ? ' class="aktiv"' : '';
  return `<a href="${escapeHtml(item.href)}"${attrs}>${escapeHtml(item.label)}</a>`;
}

function renderMainNav(urlPath: string): string {
  const items = mainNavigation
    .map((item) => {
      const children = item.children
        ? `\n          <ul>\n${item.children.map((child) => `            <li>${navLink(child, urlPath)}</li>`).join('\n')}\n          </ul>`
        : '';
      return `        <li>${navLink(item, urlPath)}${children}</li>`;
    })
    .join('\n');
  return `    <nav class="hauptnavigation" aria-label="Hauptnavigation">
      <ul>
${items}
      </ul>
    </nav>`;
}

function renderBreadcrumb(crumbs: Link[], current: string): string {
  const items = crumbs
    .map((crumb) => `        <li><a href="${escapeHtml(crumb.href)}">${escapeHtml(crumb.label)}</a></li>`)
    .concat(`        <li aria-current="page">${escapeHtml(current)}</li>`)
    .join('\n');
  return `    <nav class="brotkrumen" aria-label="Sie sind hier">
      <ol>
${items}
      </ol>
    </nav>`;
}

function renderRelated(related: Link[]): string {
  if (related.length === 0) return '';
  const items = related.map((link) => `        <li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('\n');
  return `
    <aside class="weiterfuehrend" aria-labelledby="weiterfuehrend-titel">
      <h2 id="weiterfuehrend-titel">Das könnte Sie auch interessieren</h2>
      <ul>
${items}
      </ul>
    </aside>`;
}

function renderUpdated(updated: string | undefined): string {
  if (!updated) return '';
  const date = new Date(`${updated}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return `\n      <p class="stand">Stand: <time datetime="${escapeHtml(updated)}">${GERMAN_DATE.format(date)}</time></p>`;
}

export function renderLayout(input: LayoutInput): string {
  const { origin, urlPath } = input;
  const robots = input.robots ? `\n  <meta name="robots" content="${escapeHtml(input.robots)}">` : '';
  const canonical = input.canonical ? `\n  <link rel="canonical" href="${escapeHtml(origin + urlPath)}">` : '';
  const headExtra = input.headExtra ? `\n${input.headExtra}` : '';
  const service = serviceLinks.map((link) => `        <li>${navLink(link, urlPath)}</li>`).join('\n');
  const footer = footerLinks.map((link) => `          <li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('\n');
  const social = socialLinks
    .map((link) => `<a href="${escapeHtml(link.href)}" rel="noopener">${escapeHtml(link.label)}</a>`)
    .join(' · ');
  const inject = input.injectBeforeBodyEnd ? `${input.injectBeforeBodyEnd}\n` : '';

  return `<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(input.title)} | ${SITE_NAME}</title>
  <meta name="description" content="${escapeHtml(input.description)}">${robots}${canonical}
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/site.css">${headExtra}
</head>
<body>
  <a class="skip-link" href="#inhalt">Direkt zum Inhalt</a>
  <header class="kopf">
    <div class="kopf-innen">
      <a class="logo" href="/" title="Zur Startseite">
        <span class="logo-zeichen" aria-hidden="true">LVMR</span>
        <span class="logo-text">${SITE_NAME}</span>
      </a>
      <ul class="servicelinks">
${service}
      </ul>
      <div id="auskunft-suche">
        <form class="suche" action="/suche/" method="get" role="search">
          <label for="suchbegriff">Suche</label>
          <input id="suchbegriff" name="q" type="search" placeholder="Suchbegriff eingeben">
          <button type="submit">Suchen</button>
        </form>
      </div>
    </div>
${renderMainNav(urlPath)}
  </header>
  <div class="seite">
${renderBreadcrumb(input.breadcrumb, input.currentCrumb)}
    <main id="inhalt">
      <h1>${escapeHtml(input.heading)}</h1>
${input.bodyHtml.trimEnd()}${renderUpdated(input.updated)}
    </main>${renderRelated(input.related)}
  </div>
  <footer class="fuss">
    <div class="fuss-innen">
      <div class="fuss-adresse">
        <p><strong>${SITE_NAME}</strong><br>
        Hafenkante 14<br>
        50678 Köln<br>
        Telefon: <a href="tel:+492215550">0221 555-0</a><br>
        E-Mail: <a href="mailto:post@lv-mittelrhein-ruhr.example">post@lv-mittelrhein-ruhr.example</a></p>
      </div>
      <nav class="fuss-links" aria-label="Service">
        <ul>
${footer}
        </ul>
      </nav>
      <p class="sozial">Folgen Sie uns: ${social}</p>
      <p class="hinweis-demo">Dies ist eine fiktive Demo-Website für die Suche Auskunft. Den Landschaftsverband Mittelrhein-Ruhr gibt es nicht.</p>
    </div>
  </footer>
${inject}</body>
</html>
`;
}
