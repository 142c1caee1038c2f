import { describe, expect, it } from 'vitest';
import { readConfig, type WidgetConfig } from './config';

const script = (attrs: Record<string, string>) => ({ getAttribute: (name: string) => attrs[name] ?? null });
const PAGE = 'https://www.amt.example/seite.html';

function read(attrs: Record<string, string>): { config: WidgetConfig; warnings: string[] } {
  const warnings: string[] = [];
  const config = readConfig(script(attrs), PAGE, (m) => warnings.push(m));
  if (typeof config === 'string') throw new Error(config);
  return { config, warnings };
}

describe('readConfig', () => {
  it('reads every attribute, resolving links against the host page', () => {
    const { config, warnings } = read({
      'data-api': 'https://auskunft.example/',
      'data-mode': 'chat',
      'data-lang': 'en',
      'data-target': '#suche',
      'data-persist': 'session',
      'data-position': 'left',
      'data-answers': 'complete',
      'data-disclosure-en': 'You are chatting with the Inklusionsamt’s automated assistant.',
      'data-disclosure-de': 'Nicht diese Sprache',
      'data-disclosure-version': '2026-11-01',
      'data-privacy-url': '/datenschutz/',
      'data-contact-url': '/kontakt/',
      'data-contact-label': 'Inklusionsamt, Telefon 0221 555-0',
      'data-accessibility-url': '/barrierefreiheit/',
      'data-accessibility-feedback-url': '/barrierefreiheit/#melden',
      'data-easy-language-url': '/leichte-sprache/',
      'data-sign-language-url': '/gebaerdensprache/',
      'data-suggestions': 'Schwerbehindertenausweis, Kündigungsschutz ,,Arbeitsassistenz',
      'data-accent': '#00528a',
      'data-font': '"Bund Sans", sans-serif',
    });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      api: 'https://auskunft.example',
      mode: 'chat',
      lang: 'en',
      target: '#suche',
      persist: 'session',
      position: 'left',
      answers: 'complete',
      disclosure: 'You are chatting with the Inklusionsamt’s automated assistant.',
      disclosureVersion: '2026-11-01',
      contactLabel: 'Inklusionsamt, Telefon 0221 555-0',
      links: {
        privacy: 'https://www.amt.example/datenschutz/',
        contact: 'https://www.amt.example/kontakt/',
        accessibility: 'https://www.amt.example/barrierefreiheit/',
        accessibilityFeedback: 'https://www.amt.example/barrierefreiheit/#melden',
        easyLanguage: 'https://www.amt.example/leichte-sprache/',
        signLanguage: 'https://www.amt.example/gebaerdensprache/',
      },
      suggestions: ['Schwerbehindertenausweis', 'Kündigungsschutz', 'Arbeitsassistenz'],
      accent: '#00528a',
      font: '"Bund Sans", sans-serif',
    });
  });

  it('defaults to German, both parts, memory only, streaming answers and no links', () => {
    const { config, warnings } = read({ 'data-api': '/auskunft' });
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      api: 'https://www.amt.example/auskunft',
      mode: 'both',
      lang: 'de',
      target: null,
      persist: 'memory',
      position: 'right',
      answers: 'stream',
      disclosure: null,
      suggestions: [],
    });
    expect(Object.values(config.links)).toEqual([null, null, null, null, null, null]);
  });

  it('names every bad optional value and keeps its default instead of failing', () => {
    const { config, warnings } = read({
      'data-api': 'https://auskunft.example',
      'data-mode': 'weird',
      'data-lang': 'fr',
      'data-persist': 'local',
      'data-privacy-url': 'javascript:alert(1)',
    });
    expect(config).toMatchObject({ mode: 'both', lang: 'de', persist: 'memory' });
    expect(config.links.privacy).toBeNull();
    expect(warnings).toEqual([
      'data-lang="fr" is not one of de, en; using "de"',
      'data-privacy-url is not a valid http(s) URL: javascript:alert(1); the link is left out',
      'data-mode="weird" is not one of search, chat, both; using "both"',
      'data-persist="local" is not one of memory, session; using "memory"',
    ]);
  });

  it('returns an error message for a missing or unusable data-api', () => {
    expect(readConfig(script({}), PAGE)).toMatch(/data-api/);
    expect(readConfig(script({ 'data-api': '  ' }), PAGE)).toMatch(/data-api/);
    expect(readConfig(script({ 'data-api': 'javascript:alert(1)' }), PAGE)).toMatch(/data-api/);
  });
});
