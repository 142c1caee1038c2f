import { passageUrl, type ContactRecord, type Passage } from '@auskunft/core';

/** A crawled contact with the link to where the page shows it. */
export interface DirectoryContact {
  record: ContactRecord;
  /** The page, scrolled to the contact block where it has an anchor. */
  url: string;
}

export interface ContactDirectory {
  /** The most specific contact of the section a passage is in (by heading trail), if its page has one. */
  section(passage: Pick<Passage, 'url' | 'section'>): DirectoryContact | undefined;
  /** The contact for a whole page. */
  page(url: string): DirectoryContact | undefined;
  /** The page contact of the nearest page above `url` in the site's path structure, and that page. */
  parent(url: string): DirectoryContact | undefined;
}

/**
 * A contact found on at least this share of the pages (and on three or more) is the site's
 * general contact in a template (a sidebar box on every page), not the team responsible for one
 * page; it must not hide the page's parent contact.
 */
const SITE_WIDE_SHARE = 0.5;

/**
 * The contacts the crawler found, by page and section (passages that carry a `contactRecord`,
 * see crawler/src/chunk.ts). Built once per index version.
 */
export function createContactDirectory(passages: readonly Passage[]): ContactDirectory {
  const byPage = new Map<string, DirectoryContact[]>();
  const pages = new Set<string>();
  for (const p of passages) {
    if (p.origin === 'faq-file' || p.origin === 'pdf') continue;
    pages.add(pageKey(p.url));
    if (!p.contactRecord) continue;
    const list = byPage.get(pageKey(p.url)) ?? [];
    list.push({ record: p.contactRecord, url: passageUrl(p) });
    byPage.set(pageKey(p.url), list);
  }
  const pagesWith = new Map<string, number>();
  for (const list of byPage.values()) {
    for (const id of new Set(list.filter((c) => c.record.scope === null).map((c) => identity(c.record)))) pagesWith.set(id, (pagesWith.get(id) ?? 0) + 1);
  }
  const siteWide = (record: ContactRecord) => {
    const count = pagesWith.get(identity(record)) ?? 0;
    return count >= 3 && count >= pages.size * SITE_WIDE_SHARE;
  };
  const pageContact = (key: string) => byPage.get(key)?.find((c) => c.record.scope === null && !siteWide(c.record));

  return {
    section(passage) {
      const section = passage.section;
      if (!section) return undefined;
      let best: DirectoryContact | undefined;
      for (const c of byPage.get(pageKey(passage.url)) ?? []) {
        const scope = c.record.scope;
        if (scope === null || !(section === scope || section.startsWith(`${scope} › `))) continue;
        if (!best || scope.length > best.record.scope!.length) best = c;
      }
      return best;
    },
    page: (url) => pageContact(pageKey(url)),
    parent(url) {
      for (let key = parentKey(pageKey(url)); key !== null; key = parentKey(key)) {
        const found = pageContact(key);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** Origin and path without trailing slash or index file, so /a/, /a and /a/index.html are one page. */
function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/(?:index\.html?)?$/, '')}`;
  } catch {
    return url;
  }
}

function parentKey(key: string): string | null {
  const u = new URL(key.includes('/', key.indexOf('//') + 2) ? key : `${key}/`);
  const path = u.pathname.replace(/\/[^/]*$/, '');
  if (u.pathname === '/' || u.pathname === '') return null;
  return `${u.origin}${path}`;
}

function identity(record: ContactRecord): string {
  return (record.phone ?? '').replace(/\D/g, '') || (record.email ?? '').toLowerCase() || record.name;
}
