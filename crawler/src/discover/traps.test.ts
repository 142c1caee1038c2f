import { describe, expect, it } from 'vitest';
import { createTrapDetector } from './traps.js';

describe('crawler trap detection', () => {
  it('stops an endless calendar after the configured number of months', () => {
    const isTrap = createTrapDetector({ maxQueryChars: 200, maxDateVariants: 24 });
    const months = Array.from({ length: 40 }, (_, i) => `https://amt.example/veranstaltungen/kalender/${2026 + Math.floor(i / 12)}/${(i % 12) + 1}/`);
    const verdicts = months.map(isTrap);
    expect(verdicts.slice(0, 24).every((v) => v === null)).toBe(true);
    expect(verdicts[24]).toMatch(/^crawler trap: more than 24 date variants/);
  });

  it('counts query-string calendars by shape too', () => {
    const isTrap = createTrapDetector({ maxQueryChars: 200, maxDateVariants: 3 });
    const urls = ['?jahr=2026&monat=11', '?jahr=2026&monat=12', '?jahr=2027&monat=1', '?jahr=2027&monat=2'].map((q) => `https://amt.example/termine/${q}`);
    expect(urls.map(isTrap).map(Boolean)).toEqual([false, false, false, true]);
  });

  it('never limits numbered pages, even when a number looks like a year', () => {
    const isTrap = createTrapDetector({ maxQueryChars: 200, maxDateVariants: 3 });
    for (let i = 1; i <= 50; i++) expect(isTrap(`https://amt.example/presse/meldung-${i}/`)).toBeNull();
    for (let id = 1990; id <= 2030; id++) expect(isTrap(`https://amt.example/seite/${id}/`)).toBeNull();
    for (let id = 1; id <= 10; id++) expect(isTrap(`https://amt.example/presse/2019/bericht-${id}/`)).toBeNull();
  });

  it('recognises the usual date spellings in calendar URLs', () => {
    for (const url of ['/termine/?datum=2026-11-25', '/kalender/11.2026/', '/veranstaltungen/202611/', '/kalender/2026/3/']) {
      const isTrap = createTrapDetector({ maxQueryChars: 200, maxDateVariants: 1 });
      expect(isTrap(`https://amt.example${url}`), url).toBeNull();
      expect(isTrap(`https://amt.example${url.replace('2026', '2027')}`), url).not.toBeNull();
    }
  });

  it('recognises stacked relative links and very long query strings', () => {
    const isTrap = createTrapDetector({ maxQueryChars: 50, maxDateVariants: 0 });
    expect(isTrap('https://amt.example/service/formulare/service/formulare/service/formulare/')).toMatch(/path segment "service" repeats 3 times/);
    expect(isTrap(`https://amt.example/suche/?q=${'antrag+'.repeat(20)}`)).toMatch(/query string of \d+ characters/);
    expect(isTrap('https://amt.example/suche/?q=antrag')).toBeNull();
  });

  it('lets every limit be switched off with 0', () => {
    const isTrap = createTrapDetector({ maxQueryChars: 0, maxDateVariants: 0 });
    expect(isTrap(`https://amt.example/kalender/2031/1/?${'x'.repeat(500)}=1`)).toBeNull();
  });
});
