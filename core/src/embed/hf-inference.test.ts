import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuskunftError } from '../errors.js';
import { createHfInferenceEmbedder } from './hf-inference.js';

/**
 * A stand-in for text-embeddings-inference on 127.0.0.1: it speaks the same protocol
 * (POST {"inputs": [...]} → [[...], ...]) so the real @huggingface/inference client is exercised.
 * Paths choose behaviour: /slow never answers in time, /broken answers 500, /tokens answers
 * per-token vectors like a raw transformers pipeline.
 */
let server: Server;
let base: string;
const requests: Array<{ path: string; body: { inputs: string[]; model?: string }; auth: string | undefined }> = [];

function fakeVector(text: string, dim = 8): number[] {
  return Array.from({ length: dim }, (_, i) => ((text.charCodeAt(i % text.length) * (i + 1)) % 17) + 1);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { inputs: string[] };
    requests.push({ path: req.url ?? '', body, auth: req.headers.authorization });
    if (req.url === '/slow') return void setTimeout(() => res.end('[]'), 2000);
    if (req.url === '/broken') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'CUDA out of memory' }));
    }
    const vectors = body.inputs.map((t) => (req.url === '/tokens' ? [fakeVector(t), fakeVector(t.toUpperCase())] : fakeVector(t)));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(vectors));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createHfInferenceEmbedder against a self-hosted endpoint', () => {
  it('sends batches with prefixes and the token, and returns unit vectors', async () => {
    const embedder = createHfInferenceEmbedder({
      model: 'intfloat/multilingual-e5-small',
      endpointUrl: `${base}/embed`,
      accessToken: 'hf_test',
      queryPrefix: 'query: ',
      passagePrefix: 'passage: ',
      batchSize: 2,
    });
    const vectors = await embedder.embed(['Kraftfahrzeughilfe', 'Budget für Arbeit', 'Kündigungsschutz'], 'passage');
    expect(vectors).toHaveLength(3);
    expect(embedder.dimension).toBe(8);
    expect(embedder.id).toBe('hf:intfloat/multilingual-e5-small');
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const sent = requests.filter((r) => r.path === '/embed');
    expect(sent.map((r) => r.body.inputs)).toEqual([['passage: Kraftfahrzeughilfe', 'passage: Budget für Arbeit'], ['passage: Kündigungsschutz']]);
    expect(sent[0]!.auth).toBe('Bearer hf_test');
    await embedder.embed(['Wer zahlt den Umbau?'], 'query');
    expect(requests.at(-1)!.body.inputs).toEqual(['query: Wer zahlt den Umbau?']);
  });

  it('mean-pools per-token output', async () => {
    const embedder = createHfInferenceEmbedder({ model: 'm', endpointUrl: `${base}/tokens` });
    const [v] = await embedder.embed(['Arbeitsassistenz'], 'query');
    expect(v).toHaveLength(8);
  });

  it('reports a server error with the endpoint and its message', async () => {
    const embedder = createHfInferenceEmbedder({ model: 'm', endpointUrl: `${base}/broken` });
    const error = await embedder.embed(['x'], 'query').catch((e: unknown) => e);
    expect(isAuskunftError(error, 'EMBEDDER_FAILED')).toBe(true);
    expect((error as Error).message).toContain(`${base}/broken`);
  });

  it('gives up after the timeout with a hint how to raise it', async () => {
    const embedder = createHfInferenceEmbedder({ model: 'm', endpointUrl: `${base}/slow`, timeoutMs: 200 });
    const error = await embedder.embed(['x'], 'query').catch((e: unknown) => e);
    expect(isAuskunftError(error, 'EMBEDDER_TIMEOUT')).toBe(true);
    expect((error as Error).message).toContain('AUSKUNFT_EMBEDDER_TIMEOUT_MS');
  });

  it('refuses vectors of an unexpected dimension', async () => {
    const embedder = createHfInferenceEmbedder({ model: 'm', endpointUrl: `${base}/embed`, dimension: 384 });
    await expect(embedder.embed(['x'], 'query')).rejects.toThrow(/length 8, expected 384/);
  });
});
