import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, serveSite, type FixtureSite } from '../../test/serve-site.js';
import { loadRobots } from './robots.js';

describe('robots.txt', () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await serveSite({
      '/robots.txt': ({ origin }) => ({
        type: 'text/plain',
        body: `User-agent: AuskunftBot\nDisallow: /suche/\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n\nSitemap: ${origin}/sitemap-index.xml\n`,
      }),
      '/': page('Startseite', '<p>Text</p>'),
    });
  });

  afterAll(() => site.close());

  it('applies the group of our user agent, with its Crawl-delay in milliseconds', async () => {
    const robots = await loadRobots(site.origin, 'AuskunftBot/0.1 (+https://www.example.de/suche)', 2000);
    expect(robots.isAllowed(`${site.origin}/inklusionsamt/`)).toBe(true);
    expect(robots.isAllowed(`${site.origin}/suche/?q=Ausweis`)).toBe(false);
    expect(robots.crawlDelayMs).toBe(2000);
    expect(robots.sitemaps).toEqual([`${site.origin}/sitemap-index.xml`]);
  });

  it('falls back to the * group for other crawlers', async () => {
    const robots = await loadRobots(site.origin, 'AndererBot/1.0', 2000);
    expect(robots.isAllowed(`${site.origin}/inklusionsamt/`)).toBe(false);
  });

  it('treats a missing robots.txt as "everything allowed" and a server error as "nothing allowed" (RFC 9309)', async () => {
    const empty = await serveSite({});
    const broken = await serveSite({ '/robots.txt': { status: 503 } });
    try {
      expect((await loadRobots(empty.origin, 'AuskunftBot', 2000)).isAllowed(`${empty.origin}/a/`)).toBe(true);
      const refused = await loadRobots(broken.origin, 'AuskunftBot', 2000);
      expect(refused.isAllowed(`${broken.origin}/a/`)).toBe(false);
      expect(refused.refusal).toBe('robots.txt HTTP 503, which means "disallow everything" (RFC 9309)');
    } finally {
      await empty.close();
      await broken.close();
    }
  });
});
