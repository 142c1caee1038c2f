import type { Passage } from '@auskunft/core';

/** Restrictions a caller can put on a search (e.g. `?prefix=/inklusionsamt/&lang=de`). */
export interface PassageFilter {
  /** URL path ("/inklusionsamt/") or absolute URL ("https://www.example.de/inklusionsamt/") the page must start with. */
  prefix?: string;
  /** BCP 47 language the page must be in; "de" also accepts "de-DE", and "de-DE" accepts "de". */
  lang?: string;
}

/** A search filter value that cannot be used; `message` is German, for the person who sent it. */
export class FilterError extends Error {
  constructor(
    readonly field: 'prefix' | 'lang',
    message: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

/**
 * Compiles a filter into a predicate over passage ids, or undefined when nothing is filtered.
 * Throws a FilterError naming the bad value, for the route to answer with 400.
 */
export function compilePassageFilter(passages: readonly Passage[], filter: PassageFilter): ((id: number) => boolean) | undefined {
  const { prefix, lang } = filter;
  if (!prefix && !lang) return undefined;
  if (prefix && !prefix.startsWith('/') && !/^https?:\/\//i.test(prefix)) {
    throw new FilterError('prefix', `Der Filter „prefix“ muss ein Pfad mit „/“ am Anfang (z. B. „/inklusionsamt/“) oder eine vollständige http(s)-Adresse sein, nicht „${prefix.slice(0, 100)}“.`);
  }
  if (lang && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang)) {
    throw new FilterError('lang', `Der Filter „lang“ muss ein Sprachkürzel wie „de“ oder „en“ sein, nicht „${lang.slice(0, 40)}“.`);
  }
  const wantedLang = lang?.toLowerCase();
  return (id) => {
    const passage = passages[id]!;
    if (prefix) {
      const target = prefix.startsWith('/') ? pathOf(passage.url) : passage.url;
      if (!target.startsWith(prefix)) return false;
    }
    if (wantedLang) {
      const own = passage.lang.toLowerCase();
      if (own !== wantedLang && !own.startsWith(`${wantedLang}-`) && !wantedLang.startsWith(`${own}-`)) return false;
    }
    return true;
  };
}

const paths = new Map<string, string>();

function pathOf(url: string): string {
  let path = paths.get(url);
  if (path === undefined) {
    try {
      path = new URL(url).pathname;
    } catch {
      path = url;
    }
    paths.set(url, path);
  }
  return path;
}
