import { describe, expect, it } from 'vitest';
import { chunkPage } from './chunk.js';
import { extractPage } from './extract/extract.js';

const PAGE = `<!doctype html><html lang="de"><body><main>
<h1>Kraftfahrzeughilfe</h1>
<p>Das Inklusionsamt bezuschusst den Kauf und Umbau eines Autos, wenn Sie es für den Weg zur Arbeit brauchen.</p>
<h2>Voraussetzungen</h2>
<ul><li>Sie sind schwerbehindert und auf das Auto angewiesen.</li><li>Sie haben einen Arbeitsplatz, der <a href="/weg/">ohne Auto</a> nicht erreichbar ist.</li><li>Sie haben einen Führerschein.</li></ul>
<h2>Das könnte Sie auch interessieren</h2>
<ul><li><a href="/ausweis/">Schwerbehindertenausweis beantragen</a></li><li><a href="/assistenz/">Arbeitsassistenz</a></li><li><a href="/wohnen/">Wohnungshilfe: Zuschuss für den Umbau</a></li></ul>
</main></body></html>`;

describe('chunkPage with link lists', () => {
  it('marks a section of link items as links, and leaves a list with a link in a sentence alone', () => {
    const page = extractPage(PAGE, 'https://www.example.de/kfz/');
    const drafts = chunkPage(page.blocks, page.faqs, { maxChars: 1200 });
    expect(drafts.find((d) => d.section === 'Das könnte Sie auch interessieren')?.role).toBe('links');
    expect(drafts.find((d) => d.section === 'Voraussetzungen')?.role).toBeUndefined();
    expect(drafts.find((d) => d.section === null)?.role).toBeUndefined();
  });
});
