import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqCommand } from './command-faq.js';
import { captureOutput, crawlDemoInto } from './test-helpers/demo.js';

let siteUrl: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auskunft-faq-'));
  ({ siteUrl } = await crawlDemoInto(join(dir, 'index')));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function validate(files: Record<string, string>) {
  const faqDir = join(dir, `faq-${Math.random().toString(36).slice(2)}`);
  await mkdir(faqDir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(faqDir, name), text);
  const { result: code, output } = await captureOutput(() => faqCommand(['validate', faqDir, '--index', join(dir, 'index')]));
  return { code, output, faqDir };
}

const GOOD = `- question: Wie lange ist der Schwerbehindertenausweis gültig?
  alternatives:
    - Wann läuft mein Ausweis ab?
  answer: In der Regel höchstens fünf Jahre; bei dauerhafter Behinderung auch unbefristet.
  source: /inklusionsamt/schwerbehindertenausweis/
  valid-until: 2099-12-31
`;

describe('auskunft faq validate', () => {
  it('passes good files', async () => {
    const { code, output } = await validate({ 'ausweis.yaml': GOOD });
    expect(output).toContain('1 FAQ files, 1 entries: everything is fine.');
    expect(code).toBe(0);
  });

  it('reports format problems with file and line', async () => {
    const { code, output, faqDir } = await validate({
      'kaputt.yaml': `- question: Wer zahlt den Umbau?\n  answer: Das Inklusionsamt.\n- question: Ohne Quelle\n  answer: Fehlt etwas?\n  gueltig: morgen\n`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`${join(faqDir, 'kaputt.yaml')}:1: "source" is missing`);
    expect(output).toContain(`${join(faqDir, 'kaputt.yaml')}:5: unknown field "gueltig"`);
  });

  it('finds duplicate wordings, dead sources and expired entries', async () => {
    const { code, output, faqDir } = await validate({
      'ausweis.yaml': GOOD,
      'doppelt.yaml': `question: Wann läuft mein Ausweis ab?\nanswer: Nach fünf Jahren.\nsource: /inklusionsamt/schwerbehindertenausweis/\n`,
      'tot.yaml': `question: Gibt es einen Zuschuss für Hörgeräte?\nanswer: Ja, über technische Arbeitshilfen.\nsource: /inklusionsamt/hoergeraete/\n`,
      'alt.yaml': `question: Gilt die Ausgleichsabgabe von 2019 noch?\nanswer: Nein.\nsource: /inklusionsamt/ausgleichsabgabe/\nvalid-until: 2020-01-01\n`,
    });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`${join(faqDir, 'doppelt.yaml')}:1: "Wann läuft mein Ausweis ab\\?" means the same as "Wann läuft mein Ausweis ab\\?"`));
    expect(output).toContain(`${join(faqDir, 'tot.yaml')}:1: source ${siteUrl}inklusionsamt/hoergeraete/ was not found in the last crawl`);
    expect(output).toMatch(/alt\.yaml:1: "Gilt die Ausgleichsabgabe von 2019 noch\?" expired on 2020-01-01; remove it or extend "valid-until"/);
  });
});
