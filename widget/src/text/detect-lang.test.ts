import { describe, expect, it } from 'vitest';
import { detectLang } from './detect-lang';

describe('detectLang', () => {
  it('recognises English questions of citizens', () => {
    expect(detectLang('How do I apply for a severely disabled person\'s pass?')).toBe('en');
    expect(detectLang('Who pays for work assistance?')).toBe('en');
    expect(detectLang('what is the phone number of the office')).toBe('en');
  });

  it('keeps German questions German, also short ones and ones with English loanwords', () => {
    expect(detectLang('Wie beantrage ich einen Schwerbehindertenausweis?')).toBe('de');
    expect(detectLang('Wer zahlt den Umbau meines Autos?')).toBe('de');
    expect(detectLang('Kündigungsschutz')).toBe('de');
    expect(detectLang('Gibt es ein Jobcoaching für mich?')).toBe('de');
  });

  it('falls back to the widget\'s language when nothing tells the languages apart', () => {
    expect(detectLang('Arbeitsassistenz')).toBe('de');
    expect(detectLang('Arbeitsassistenz', 'en')).toBe('en');
    expect(detectLang('Wie beantrage ich das?', 'en')).toBe('de');
    expect(detectLang('')).toBe('de');
    expect(detectLang('in an so')).toBe('de');
  });
});
