import { describe, expect, it } from 'vitest';
import { createHashedNgramEmbedder } from './builtin.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('createHashedNgramEmbedder', () => {
  const embedder = createHashedNgramEmbedder();

  it('is deterministic and names itself with its dimension', async () => {
    const [a] = await embedder.embed(['Schwerbehindertenausweis beantragen'], 'passage');
    const [b] = await embedder.embed(['Schwerbehindertenausweis beantragen'], 'query');
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(embedder.id).toBe('auskunft-hashed-ngrams-v2@512');
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

  it('places bundled synonyms and a compound head closer than an unrelated text', async () => {
    const [auto, kfz, ausweis, parkausweis, museum] = await embedder.embed(
      ['Auto', 'Kraftfahrzeug', 'Ausweis', 'Parkausweis', 'Industriemuseum'],
      'query',
    );
    // Without the synonym list "Auto" and "Kraftfahrzeug" share not a single letter trigram.
    expect(dot(auto!, kfz!)).toBeGreaterThan(dot(auto!, museum!) + 0.1);
    expect(dot(ausweis!, parkausweis!)).toBeGreaterThan(dot(ausweis!, museum!) + 0.2);
  });

  it('rejects a dimension it cannot use', () => {
    expect(() => createHashedNgramEmbedder({ dimension: 3 })).toThrow(/16\.\.4096/);
  });

  it('returns a zero-free unit vector even for text without words', async () => {
    const [v] = await embedder.embed(['?!'], 'query');
    expect(v).toHaveLength(512);
  });
});
