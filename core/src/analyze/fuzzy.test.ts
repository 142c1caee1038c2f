import { describe, expect, it } from 'vitest';
import { allowedTypos, boundedDamerauLevenshtein } from './fuzzy.js';

describe('boundedDamerauLevenshtein', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(boundedDamerauLevenshtein('antragsfrsit', 'antragsfrist', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('kundigunsschutz', 'kundigungsschutz', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('eingliderungsmanagment', 'eingliederungsmanagement', 2)).toBe(2);
  });

  it('stops at the bound instead of computing large distances', () => {
    expect(boundedDamerauLevenshtein('kraftfahrzeug', 'kulturforderung', 2)).toBe(3);
    expect(boundedDamerauLevenshtein('amt', 'arbeitsamt', 1)).toBe(2);
  });

  it('allows no typo in short words, one in medium and two in long ones', () => {
    expect([3, 4, 5, 7, 8, 20].map(allowedTypos)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
