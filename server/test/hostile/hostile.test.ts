import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Embedder } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHfChatGenerator } from '../../src/answer/generate-llm.js';
import { createApp, serverSettings, type AppDeps, type ServerSettings } from '../../src/index.js';
import { loadIndexFromDisk } from '../../src/node/load-index.js';
import { watchCurrentVersion } from '../../src/node/index-watch.js';
import { openIndexOnDisk } from '../../src/node/open-index.js';
import { API_SUITE_ENV, PUBLIC_URL } from '../api-suite-env.js';
import { startFakeLlm } from '../fake-llm.js';
import { startNodeApiTarget } from '../node-api-target.js';
import { readSseEvents } from '../sse.js';
import { defineHostileSuite, PERSONAL_DATA, PERSONAL_MESSAGE } from './hostile-suite.js';

let target: Awaited<ReturnType<typeof startNodeApiTarget>>;

beforeAll(async () => {
  target = await startNodeApiTarget();
});

afterAll(() => target?.close());

defineHostileSuite(() => target);

/** An app on the demo index with the suites' settings and `overrides`; its connection comes from `peer`. */
function makeApp(overrides: Partial<ServerSettings> = {}, peer: string | null = '192.0.2.200', deps: Partial<AppDeps> = {}) {
  const settings = { ...resolveSettings(serverSettings, { env: API_SUITE_ENV }), ...overrides };
  const logs: string[] = [];
  const logger = { log: (level: string, event: string, fields: Record<string, unknown> = {}) => void logs.push(JSON.stringify({ level, event, ...fields })) };
  const app = createApp({ retriever: target.retriever, manifest: target.loaded.manifest, passages: target.loaded.passages, settings, logger, clientAddress: () => peer, ...deps });
  return { app, logs };
}

/** Personal data that the demo pages do not happen to contain themselves (those may be sent as sources). */
const secretsNotOnPages = () => PERSONAL_DATA.map(([, secret]) => secret).filter((secret) => !target.loaded.passages.some((p) => p.text.includes(secret)));

describe('client address behind reverse proxies', () => {
  const proxied = { trustProxy: true, publicUrl: PUBLIC_URL, searchRateLimit: 3, logClientNetwork: true };
  const search = (app: ReturnType<typeof makeApp>['app'], forwardedFor: string) => app.request('/api/search?q=Ausweis', { headers: { 'x-forwarded-for': forwardedFor } });
  const networkLogged = (logs: string[]) => JSON.parse(logs.at(-1)!).network as string;

  it('counts one client whatever port or notation the proxy reports, and logs only its network', async () => {
    const { app, logs } = makeApp(proxied, '10.0.0.2');
    const statuses: number[] = [];
    for (const entry of ['203.0.113.9:40130', '203.0.113.9:40131', '::ffff:203.0.113.9', '[::ffff:203.0.113.9]:443']) statuses.push((await search(app, entry)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(networkLogged(logs)).toBe('203.0.113.0/24');
    expect(logs.join('\n')).not.toMatch(/203\.0\.113\.9|4013\d|ffff/);
  });

  it('ignores what the client put in front of X-Forwarded-For', async () => {
    const { app, logs } = makeApp(proxied, '10.0.0.2');
    const statuses: number[] = [];
    for (const spoof of ['1.1.1.1', '2.2.2.2, 3.3.3.3', 'unknown', '198.51.100.20']) statuses.push((await search(app, `${spoof}, 198.51.100.20`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(networkLogged(logs)).toBe('198.51.100.0/24');
  });

  it('takes the entry the outermost of several proxies added (server.trustProxyHops)', async () => {
    const { app, logs } = makeApp({ ...proxied, trustProxyHops: 2 }, '10.0.0.2');
    await search(app, '6.6.6.6, 198.51.100.20, 10.0.0.3');
    expect(networkLogged(logs)).toBe('198.51.100.0/24');
  });

  it('follows X-Forwarded-For past server.trustedProxies, and only on connections from them', async () => {
    const settings = { trustedProxies: ['10.0.0.0/8', 'fd00::/8'], publicUrl: PUBLIC_URL, logClientNetwork: true };
    const viaProxy = makeApp(settings, '10.0.0.5');
    await search(viaProxy.app, '6.6.6.6, 198.51.100.30, fd00::7, 10.0.0.6');
    expect(networkLogged(viaProxy.logs)).toBe('198.51.100.0/24');
    const direct = makeApp(settings, '192.0.2.1');
    await search(direct.app, '198.51.100.31');
    expect(networkLogged(direct.logs)).toBe('192.0.2.0/24');
  });

  it('logs at most the /48 of an IPv6 client and counts its /64 as one client', async () => {
    const { app, logs } = makeApp(proxied, '10.0.0.2');
    const statuses: number[] = [];
    for (const entry of ['2001:db8:abcd:12::1', '[2001:db8:abcd:12::2]:5000', '2001:DB8:ABCD:12:ffff::9', '2001:db8:abcd:12:0:0:0:1']) statuses.push((await search(app, entry)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(networkLogged(logs)).toBe('2001:db8:abcd::/48');
    expect(logs.join('\n')).not.toMatch(/abcd:12/i);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const { app, logs } = makeApp({ logClientNetwork: true }, '203.0.113.7');
    await search(app, '198.51.100.9');
    expect(networkLogged(logs)).toBe('203.0.113.0/24');
  });

  it('refuses to start behind a proxy without server.publicUrl, or with a malformed proxy range', () => {
    expect(() => makeApp({ trustProxy: true, publicUrl: undefined })).toThrow(/server\.publicUrl/);
    expect(() => makeApp({ trustedProxies: ['10.0.0.0/8'], publicUrl: undefined })).toThrow(/server\.publicUrl/);
    expect(() => makeApp({ trustedProxies: ['10.0.0.0/33'], publicUrl: PUBLIC_URL })).toThrow(/no IP address or CIDR range/);
  });
});

describe('editor token at start-up', () => {
  it.each(['x', 'geheim', 'a'.repeat(23)])('refuses a token of %s', (token) => {
    expect(() => makeApp({ editorToken: token })).toThrow(/at least 24 are required/);
  });

  it('accepts 24 characters', async () => {
    const { app } = makeApp({ editorToken: 'b'.repeat(24) });
    expect((await app.request('/editor/unanswered', { headers: { authorization: `Bearer ${'b'.repeat(24)}` } })).status).toBe(200);
  });
});

describe('what leaves the process', () => {
  it('sends search queries and chat questions to the embedding endpoint only scrubbed', async () => {
    const hashed = createHashedNgramEmbedder();
    const embedded: string[] = [];
    const recording: Embedder = {
      id: hashed.id,
      dimension: hashed.dimension,
      embed: (texts, purpose) => {
        embedded.push(...texts);
        return hashed.embed(texts, purpose);
      },
    };
    const { retriever } = await openIndexOnDisk({ ...resolveSettings(serverSettings), indexDir: target.demo.outDir, embeddingCacheSize: 0 }, recording);
    const { app } = makeApp({}, '192.0.2.201', { retriever });
    expect((await app.request(`/api/search?q=${encodeURIComponent(PERSONAL_MESSAGE)}`)).status).toBe(200);
    await readSseEvents(await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: PERSONAL_MESSAGE }) }));
    expect(embedded.length).toBeGreaterThanOrEqual(2);
    for (const text of embedded) {
      expect(text).toContain('Schwerbehindertenausweis');
      for (const [, secret] of PERSONAL_DATA) expect(text, secret).not.toContain(secret);
    }
  });

  it('sends the chat model the question and history only scrubbed', async () => {
    const llm = await startFakeLlm({ grounded: () => ({ chunks: ['Den Umbau zahlt das Inklusionsamt [1].'] }) });
    try {
      const generator = createHfChatGenerator({ model: 'grounded', endpointUrl: llm.url, maxTokens: 200 });
      const { app } = makeApp({}, '192.0.2.202', { generator });
      const history = [{ role: 'user', content: `Ich bin ${PERSONAL_DATA.map(([text]) => text).join(' / ')}` }, { role: 'assistant', content: 'Wie kann ich helfen?' }];
      const events = await readSseEvents(await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Ich bin Frau Dr. Erika Musterfrau, (0221) 123 45 67. Wer zahlt den Umbau meines Autos?', history }) }));
      expect(events.at(-1)!.data.generated).toBe('llm');
      expect(llm.requests.length).toBe(1);
      const sent = JSON.stringify(llm.requests[0]!.messages);
      expect(sent).toContain('Frau [Name]');
      const secrets = secretsNotOnPages();
      expect(secrets.length).toBeGreaterThan(8);
      for (const secret of secrets) expect(sent, secret).not.toContain(secret);
    } finally {
      await llm.close();
    }
  });
});

describe('widget.json without server.publicUrl', () => {
  it('names the widget relative to itself instead of trusting the Host header', async () => {
    const { app } = makeApp({ publicUrl: undefined }, '192.0.2.203', { widget: { script: '/* widget */', chunks: new Map() } });
    const { src } = await (await app.request('http://evil.example/widget.json')).json();
    expect(src).toMatch(/^widget\.[0-9a-f]{16}\.js$/);
  });
});

describe('the CURRENT pointer', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'auskunft-hostile-current-'));
    await cp(target.demo.outDir, copy, { recursive: true });
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it.each(['../../../../etc', '/etc', '..', 'versions/../..', 'C:\\Windows'])('refuses to follow %s out of versions/', async (pointer) => {
    await writeFile(join(copy, 'CURRENT'), `${pointer}\n`);
    await expect(loadIndexFromDisk(copy)).rejects.toThrow(/not a version in versions\//);
  });

  it('keeps the running version when the pointer is bent while serving', async () => {
    await writeFile(join(copy, 'CURRENT'), `${target.index.version}\n`);
    const changes: string[] = [];
    const errors: unknown[] = [];
    const stop = watchCurrentVersion(copy, 100, async (version) => void changes.push(version), (error) => errors.push(error));
    try {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await writeFile(join(copy, 'CURRENT'), '../../../../tmp\n');
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 3000 });
      expect(String(errors[0])).toMatch(/not a version in versions\//);
      expect(changes).toEqual([]);
    } finally {
      stop();
    }
  });
});
