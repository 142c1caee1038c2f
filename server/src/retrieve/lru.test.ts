import { describe, expect, it } from 'vitest';
import { createLru } from './lru.js';

describe('createLru', () => {
  it('forgets the least recently used query first', () => {
    const cache = createLru<string, string>(2);
    cache.set('Ausweis verloren', 'a');
    cache.set('Kündigungsschutz', 'b');
    expect(cache.get('Ausweis verloren')).toBe('a');
    cache.set('Budget für Arbeit', 'c');
    expect(cache.get('Kündigungsschutz')).toBeUndefined();
    expect(cache.get('Ausweis verloren')).toBe('a');
    expect(cache.get('Budget für Arbeit')).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('keeps nothing with capacity 0', () => {
    const cache = createLru<string, number>(0);
    cache.set('Wohngeld', 1);
    expect(cache.get('Wohngeld')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
