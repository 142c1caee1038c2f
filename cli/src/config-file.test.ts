import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAuskunftError } from '@auskunft/core';
import { serverSettings } from '@auskunft/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from './config-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auskunft-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string) {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('auskunft.config.json', () => {
  it('is read once and sits below environment and flags', async () => {
    const path = await file('ok.json', JSON.stringify({ server: { port: 3000, corsOrigins: ['https://www.example.de'] } }));
    const settingsFor = await loadSettings(path, { port: '5000' });
    expect(settingsFor(serverSettings)).toMatchObject({ port: 5000, corsOrigins: ['https://www.example.de'] });
    expect(settingsFor(serverSettings, {}).port).toBe(3000);
  });

  it('names the file and the problem when it is not valid JSON, not an object, or missing', async () => {
    const cases: Array<[string, RegExp]> = [
      [await file('broken.json', '{ "server": { "port": 3000, } }'), /broken\.json is not valid JSON/],
      [await file('list.json', '[1, 2]'), /list\.json must contain a JSON object/],
      [join(dir, 'fehlt.json'), /Cannot read config file .*fehlt\.json/],
    ];
    for (const [path, message] of cases) {
      const error = await loadSettings(path).catch((e: unknown) => e);
      expect(isAuskunftError(error, 'CONFIG_FILE_UNREADABLE'), path).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('reports a wrong value with its key and the file it came from', async () => {
    const path = await file('bad-port.json', JSON.stringify({ server: { port: 'achtzig' } }));
    const settingsFor = await loadSettings(path);
    expect(() => settingsFor(serverSettings)).toThrow(/"server\.port" in .*bad-port\.json: expected a whole number, got "achtzig"/);
  });
});
