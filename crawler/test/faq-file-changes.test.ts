import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const embedder = createHashedNgramEmbedder({ dimension: 32 });

describe('the crawl report on edited FAQ files', () => {
  let site: FixtureSite;
  let dir: string;
  const settings = () => ({ ...resolveSettings(crawlSettings), delayMs: 0, faqDir: join(dir, 'faq') });
  const crawl = () => crawlSite({ startUrls: [site.url], outDir: join(dir, 'index'), embedder, settings: settings(), today: '2026-11-25' });
  const faq = (name: string, question: string, answer: string) =>
    writeFile(join(dir, 'faq', name), `- question: ${question}\n  answer: ${answer}\n  source: /ausweis/\n`);

  beforeAll(async () => {
    site = await serveSite({ '/': page('Startseite', '<p>Willkommen beim Fixture-Amt.</p>', ['/ausweis/']), '/ausweis/': page('Schwerbehindertenausweis', '<p>Den Ausweis stellt das Versorgungsamt aus.</p>') });
    dir = await mkdtemp(join(tmpdir(), 'auskunft-faq-changes-'));
    await mkdir(join(dir, 'faq'));
    await faq('kosten.yaml', 'Was kostet der Schwerbehindertenausweis?', 'Nichts, die Ausstellung ist kostenlos.');
    await faq('dauer.yaml', 'Wie lange dauert der Antrag?', 'Etwa drei Monate.');
    await faq('alt.yaml', 'Gibt es den Ausweis noch aus Papier?', 'Nein, nur noch im Scheckkartenformat.');
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts every entry as added on the first crawl', async () => {
    expect((await crawl()).faqFileChanges).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0 });
  });

  it('counts an edited, a new and a deleted entry although no page changed', async () => {
    await faq('dauer.yaml', 'Wie lange dauert der Antrag?', 'Etwa drei Monate, mit vollständigen Unterlagen oft schneller.');
    await faq('merkzeichen.yaml', 'Was bedeutet das Merkzeichen G?', 'Eine erhebliche Gehbehinderung im Straßenverkehr.');
    await unlink(join(dir, 'faq', 'alt.yaml'));
    const report = await crawl();
    expect(report.changes).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(report.faqFileChanges).toEqual({ added: 1, changed: 1, unchanged: 1, removed: 1 });
  });

  it('counts nothing when the files are as before', async () => {
    expect((await crawl()).faqFileChanges).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0 });
  });
});
