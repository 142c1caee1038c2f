import { describe, expect, it } from 'vitest';
import { createHashedNgramEmbedder } from './builtin.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('createHashedNgramEmbedder', () => {
  const embedder = createHashedNgramEmbedder();

  it('is deterministic and names itself with its dimension', async () => {
    const [a] = await embedder.embed(['Schwerbehindertenausweis beantragen'], 'passage');
    const [b] = await embedder.embed(['Schwerbehindertenausweis beantragen'], 'query');
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(embedder.id).toBe('auskunft-hashed-ngrams-v1@512');
    expect(a).toHaveLength(512);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
  });

  it('places a compound part and a typo closer than an unrelated text', async () => {
    const [ausweis, compound, typo, unrelated] = await embedder.embed(
      ['Ausweis verloren', 'Schwerbehindertenausweis verloren – Ersatz beantragen', 'Schwerbehindertenauswies verlohren', 'Eintrittspreise im Industriemuseum'],
      'query',
    );
    expect(dot(ausweis!, compound!)).toBeGreaterThan(dot(ausweis!, unrelated!));
    expect(dot(compound!, typo!)).toBeGreaterThan(dot(compound!, unrelated!));
  });

  it('rejects a dimension it cannot use', () => {
    expect(() => createHashedNgramEmbedder({ dimension: 3 })).toThrow(/16\.\.4096/);
  });

  it('returns a zero-free unit vector even for text without words', async () => {
    const [v] = await embedder.embed(['?!'], 'query');
    expect(v).toHaveLength(512);
  });
});
