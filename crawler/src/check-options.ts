import { AuskunftError } from '@auskunft/core';
import { load } from 'cheerio';
import type { CrawlSettings } from './config.js';

/** Start URLs and CSS selectors are checked before anything is fetched: a typo stops the crawl here. */
export function checkOptions(options: { startUrls: readonly string[]; settings: CrawlSettings }): void {
  if (options.startUrls.length === 0) throw new AuskunftError('CONFIG_INVALID', 'Give at least one start URL, such as https://www.example.de/.');
  for (const url of options.startUrls) {
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new AuskunftError('CONFIG_INVALID', `Start URL "${url}" must be an absolute http(s) URL such as https://www.example.de/.`);
  }
  const $ = load('<p></p>');
  const { contentSelector, excludeSelectors } = options.settings;
  for (const [name, selector] of [...(contentSelector ? [['crawl.contentSelector', contentSelector]] : []), ...excludeSelectors.map((s) => ['crawl.excludeSelectors', s])] as Array<[string, string]>) {
    try {
      $(selector);
    } catch (error) {
      throw new AuskunftError('CONFIG_INVALID', `${name}: "${selector}" is not a valid CSS selector (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
}

