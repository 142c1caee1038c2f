import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, isAuskunftError, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const embedder = createHashedNgramEmbedder({ dimension: 64 });
const TODAY = '2026-11-25';

describe('editor-curated FAQ files', () => {
  let site: FixtureSite;
  let dir: string;
  let faqDir: string;
  let outDir: string;
  let report: CrawlReport;
  let passages: Passage[];
  const settings = () => ({ ...resolveSettings(crawlSettings), delayMs: 0, retryDelayMs: 5, faqDir });

  beforeAll(async () => {
    site = await serveSite({
      '/': page('Startseite', '<p>Willkommen beim Fixture-Amt und seinen Leistungen für schwerbehinderte Menschen.</p>', ['/kfz/']),
      '/kfz/': page('Kraftfahrzeughilfe', '<h2 id="kauf">Kauf</h2><p>Zuschuss zum Kauf eines Autos bis 22.000 Euro.</p>'),
    });
    dir = await mkdtemp(join(tmpdir(), 'auskunft-faq-'));
    faqDir = join(dir, 'faq');
    outDir = join(dir, 'index');
    await mkdir(join(faqDir, 'kfz'), { recursive: true });
    await writeFile(join(faqDir, 'kfz', 'gebrauchtwagen.yaml'), `- question: Wird auch ein Gebrauchtwagen gefördert?
  alternatives: [Zuschuss für gebrauchtes Auto, Gebrauchtwagen Kfz-Hilfe]
  answer: Ja, wenn sein Verkehrswert mindestens die Hälfte des Neupreises beträgt.
  source: /kfz/#kauf
  contact: Team Kraftfahrzeughilfe, Telefon 0221 555-3045
  valid-until: 2030-12-31
- question: Gibt es 2025 eine Sonderförderung für Elektroautos?
  answer: Ja, bis zum Jahresende 2025.
  source: /kfz/
  valid-until: 2025-12-31
`);
    await writeFile(join(faqDir, 'ausweis.md'), `---
question: Was kostet der Schwerbehindertenausweis?
source: /ausweis/
---
Nichts. Die Ausstellung ist kostenlos.

## Leichte Sprache

Der Ausweis kostet kein Geld.
`);
    await writeFile(join(faqDir, 'notizen.txt'), 'Entwürfe, noch nicht veröffentlichen');
    report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: settings(), today: TODAY });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('indexes each entry as a FAQ passage citing its source page', () => {
    const used = passages.find((p) => p.section === 'Wird auch ein Gebrauchtwagen gefördert?');
    expect(used).toMatchObject({
      url: `${site.origin}/kfz/`,
      anchor: 'kauf',
      title: 'Kraftfahrzeughilfe',
      kind: 'faq',
      origin: 'faq-file',
      alternatives: ['Zuschuss für gebrauchtes Auto', 'Gebrauchtwagen Kfz-Hilfe'],
      contact: 'Team Kraftfahrzeughilfe, Telefon 0221 555-3045',
      validUntil: '2030-12-31',
    });
    expect(passages.find((p) => p.section === 'Was kostet der Schwerbehindertenausweis?')).toMatchObject({
      text: 'Nichts. Die Ausstellung ist kostenlos.',
      easyLanguage: 'Der Ausweis kostet kein Geld.',
    });
    expect(report.faqFiles).toEqual({ files: 2, entries: 2 });
  });

  it('leaves out expired entries and warns about them, a missing source page and stray files', () => {
    expect(passages.some((p) => p.section?.includes('Elektroautos'))).toBe(false);
    expect(report.warnings).toEqual(expect.arrayContaining([
      `${join(faqDir, 'kfz', 'gebrauchtwagen.yaml')}:7: "Gibt es 2025 eine Sonderförderung für Elektroautos?" expired on 2025-12-31; not indexed`,
      `${join(faqDir, 'ausweis.md')}:2: source ${site.origin}/ausweis/ was not found in this crawl; the answer is indexed, but its citation may lead nowhere`,
      `${join(faqDir, 'notizen.txt')}: ignored, FAQ files end in .yaml, .yml or .md`,
    ]));
  });

  it('stops on a malformed file with file:line messages, before any request, and keeps the index', async () => {
    await writeFile(join(faqDir, 'kaputt.yaml'), 'question: Wann gilt der Kündigungsschutz?\nanswer: Wichtig: nach sechs Monaten: immer\nsource: /kuendigung/\n');
    await writeFile(join(faqDir, 'tippfehler.md'), '---\nquestion: Wer zahlt die Arbeitsassistenz?\nquelle: /assistenz/\nkontackt: 0221 555-3070\n---\nDas Inklusionsamt.\n');
    const requestsBefore = site.requests.length;
    const error = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: settings(), today: TODAY }).catch((e: unknown) => e);
    expect(isAuskunftError(error, 'FAQ_FILE_INVALID')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`${join(faqDir, 'kaputt.yaml')}:2: Nested mappings are not allowed in compact mappings (YAML syntax)`);
    expect(message).toContain(`${join(faqDir, 'tippfehler.md')}:4: unknown field "kontackt"`);
    expect(message).toContain('the index in use is unchanged');
    expect(site.requests.length).toBe(requestsBefore);
    expect((await readFile(join(outDir, 'CURRENT'), 'utf8')).trim()).toBe(report.version);
    expect(await readdir(join(outDir, 'versions'))).toEqual([report.version]);
  });
});
