import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const script = (attrs: Record<string, string>) => ({ getAttribute: (name: string) => attrs[name] ?? null });
const PAGE = 'https://www.amt.example/seite.html';

describe('readConfig', () => {
  it('reads all attributes and strips a trailing slash', () => {
    expect(
      readConfig(script({ 'data-api': 'https://auskunft.example/', 'data-mode': 'chat', 'data-lang': 'en', 'data-target': '#suche' }), PAGE),
    ).toEqual({ api: 'https://auskunft.example', mode: 'chat', lang: 'en', target: '#suche' });
  });

  it('defaults to German, both parts and mounting next to the script', () => {
    expect(readConfig(script({ 'data-api': '/auskunft', 'data-mode': 'weird', 'data-lang': 'fr' }), PAGE)).toEqual({
      api: 'https://www.amt.example/auskunft',
      mode: 'both',
      lang: 'de',
      target: null,
    });
  });

  it('returns an error message for a missing or unusable data-api', () => {
    expect(readConfig(script({}), PAGE)).toMatch(/data-api/);
    expect(readConfig(script({ 'data-api': '  ' }), PAGE)).toMatch(/data-api/);
    expect(readConfig(script({ 'data-api': 'javascript:alert(1)' }), PAGE)).toMatch(/data-api/);
  });
});
