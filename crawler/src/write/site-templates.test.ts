import { describe, expect, it } from 'vitest';
import type { Passage } from '@auskunft/core';
import { unsearchedPassages } from '@auskunft/core';
import { markSiteTemplates } from './site-templates.js';

type Draft = Omit<Passage, 'id'>;

const CONTACT = 'Servicetelefon Inklusionsamt: 0221 555-3000\nMontag bis Freitag 8 bis 16 Uhr';
const TOPICS = ['Schwerbehindertenausweis', 'Kündigungsschutz', 'Kraftfahrzeughilfe', 'Arbeitsassistenz', 'Budget für Arbeit', 'Wohnungshilfe'];

function page(topic: string, i: number): Draft[] {
  const url = `https://www.example.de/inklusionsamt/${i}/`;
  const base = { url, title: topic, lang: 'de', kind: 'section' as const, anchor: null };
  return [
    { ...base, section: null, text: `Hier lesen Sie alles über ${topic}: wer ihn bekommt und wie Sie ihn beantragen. Seite ${i}.` },
    { ...base, section: 'So stellen Sie den Antrag', text: `Den Antrag für ${topic} stellen Sie schriftlich beim Inklusionsamt.` },
    { ...base, section: 'Kontakt', text: CONTACT },
    { ...base, section: 'Das könnte Sie auch interessieren', text: TOPICS.filter((t) => t !== topic).slice(0, 3).join('\n') },
  ];
}

describe('markSiteTemplates', () => {
  it('marks text repeated across the site as template and lists of other pages as links', () => {
    const drafts = TOPICS.flatMap(page);
    const { passages, learned } = markSiteTemplates(drafts);
    const roles = (section: string) => new Set(passages.filter((p) => p.section === section).map((p) => p.role));
    expect(roles('Kontakt')).toEqual(new Set(['template']));
    // Each related link names a topic that three or more pages list: repeated, so a template too.
    expect(roles('Das könnte Sie auch interessieren')).toEqual(new Set(['template']));
    expect(roles('So stellen Sie den Antrag')).toEqual(new Set([undefined]));
    expect(passages.filter((p) => p.section === null).every((p) => p.role === undefined)).toBe(true);
    expect(learned).toMatchObject({ minPages: 3, templatePassages: 12 });
  });

  it('marks a section naming other pages by their titles as a list of links', () => {
    const drafts = TOPICS.flatMap(page).filter((d) => d.section !== 'Das könnte Sie auch interessieren');
    const overview = { ...drafts[0]!, url: 'https://www.example.de/inklusionsamt/', title: 'Inklusionsamt', section: 'Unsere Leistungen', text: TOPICS.slice(0, 4).join('\n') };
    const { passages, learned } = markSiteTemplates([...drafts, overview]);
    expect(passages.at(-1)?.role).toBe('links');
    expect(learned.linkListPassages).toBe(1);
  });

  it('never marks FAQ entries, even when every page repeats them', () => {
    const drafts = TOPICS.flatMap(page).map((d) => (d.section === 'Kontakt' ? { ...d, kind: 'faq' as const } : d));
    expect(markSiteTemplates(drafts).passages.filter((p) => p.kind === 'faq').every((p) => !p.role)).toBe(true);
  });

  it('leaves a small site’s shared sentence alone: two pages are no template', () => {
    const drafts = TOPICS.slice(0, 2).flatMap(page);
    expect(markSiteTemplates(drafts).passages.some((p) => p.role === 'template')).toBe(false);
  });

  it('decides templates anew on a re-crawl, keeping the link lists that chunking found', () => {
    const first = markSiteTemplates(TOPICS.flatMap(page)).passages;
    // Only two pages left: the contact box is no longer the site's template.
    const again = markSiteTemplates(first.filter((p) => p.url.endsWith('/0/') || p.url.endsWith('/1/'))).passages;
    expect(again.find((p) => p.section === 'Kontakt')?.role).toBeUndefined();
    const chunked = { ...page('Wohnungshilfe', 9)[1]!, role: 'links' as const };
    expect(markSiteTemplates([chunked]).passages[0]?.role).toBe('links');
  });
});

describe('unsearchedPassages', () => {
  it('leaves out templates and link lists beside content, but keeps a hub page made only of lists', () => {
    const withIds = markSiteTemplates(TOPICS.flatMap(page)).passages.map((p, id) => ({ ...p, id }));
    const hub = { id: withIds.length, url: 'https://www.example.de/themen/', title: 'Themen', section: 'Alle Themen', text: TOPICS.join('\n'), lang: 'de', kind: 'section' as const, anchor: null, role: 'links' as const };
    const unsearched = unsearchedPassages([...withIds, hub]);
    for (const p of withIds) expect(unsearched.has(p.id)).toBe(p.role !== undefined);
    expect(unsearched.has(hub.id)).toBe(false);
  });
});
