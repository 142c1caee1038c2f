import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './front-matter.js';

describe('parseFrontMatter', () => {
  it('reads key/value lines and returns the rest as body', () => {
    const { fields, body } = parseFrontMatter('<!--\ntitle: Kfz-Hilfe\ndescription: Zuschuss: Auto\n-->\n<p>Text</p>\n');
    expect(fields.get('title')).toBe('Kfz-Hilfe');
    expect(fields.get('description')).toBe('Zuschuss: Auto');
    expect(body).toBe('<p>Text</p>\n');
  });

  it('joins indented continuation lines', () => {
    const { fields } = parseFrontMatter('<!--\ndescription: erste Zeile\n  zweite Zeile\n-->\n');
    expect(fields.get('description')).toBe('erste Zeile zweite Zeile');
  });

  it('treats files without a leading comment as pure body', () => {
    const { fields, body } = parseFrontMatter('<p>Nur Inhalt</p>');
    expect(fields.size).toBe(0);
    expect(body).toBe('<p>Nur Inhalt</p>');
  });

  it('rejects an unterminated comment', () => {
    expect(() => parseFrontMatter('<!--\ntitle: x\n')).toThrow(/not closed/);
  });
});
