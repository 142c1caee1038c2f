import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFaqFiles } from '@auskunft/crawler';
import { createEditorStore } from '@auskunft/server';
import { createScryptHasher, sqliteSql } from '@auskunft/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The console's account and export commands, run as an administrator runs them. */
const BIN = fileURLToPath(new URL('../bin/auskunft.js', import.meta.url));
let dir: string;
let storePath: string;

function run(args: string[], stdin = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, AUSKUNFT_LOG: 'off', AUSKUNFT_STORE_PATH: storePath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auskunft-editor-cli-'));
  storePath = join(dir, 'var', 'auskunft.sqlite');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('auskunft editor', () => {
  it('adds accounts with the password from standard input, hashed, and lists them', async () => {
    expect((await run(['editor', 'add-user', 'anna', '--role', 'editor'], 'geheim und lang 1\n')).code).toBe(0);
    expect((await run(['editor', 'add-user', 'petra', '--role', 'reviewer'], 'geheim und lang 2\n')).code).toBe(0);
    const list = await run(['editor', 'list-users']);
    expect(list.stdout).toMatch(/anna\teditor \(Redaktion\)/);
    expect(list.stdout).toMatch(/petra\treviewer \(Prüfung\)/);
    const sql = sqliteSql(storePath);
    const user = await createEditorStore(sql).getUser('anna');
    sql.close();
    expect(user!.hash).not.toContain('geheim');
    expect(await createScryptHasher().verify('geheim und lang 1', user!.salt, user!.hash)).toBe(true);
  });

  it('refuses a missing role, a short password and a duplicate name, in German', async () => {
    expect((await run(['editor', 'add-user', 'bernd'], 'geheim und lang\n')).stderr).toContain('Bitte die Rolle angeben');
    expect((await run(['editor', 'add-user', 'bernd', '--role', 'chef'], 'geheim und lang\n')).stderr).toContain('„editor“ oder „reviewer“');
    expect((await run(['editor', 'add-user', 'bernd', '--role', 'editor'], 'kurz\n')).stderr).toContain('mindestens 10 Zeichen');
    expect((await run(['editor', 'add-user', 'anna', '--role', 'editor'], 'geheim und lang\n')).stderr).toContain('gibt es schon');
  });

  it('resets a password and removes an account', async () => {
    expect((await run(['editor', 'reset-password', 'anna'], 'ganz neues Passwort\n')).code).toBe(0);
    const sql = sqliteSql(storePath);
    const user = await createEditorStore(sql).getUser('anna');
    sql.close();
    expect(await createScryptHasher().verify('ganz neues Passwort', user!.salt, user!.hash)).toBe(true);
    expect((await run(['editor', 'remove-user', 'anna'])).code).toBe(0);
    expect((await run(['editor', 'list-users'])).stdout).not.toContain('anna');
    expect((await run(['editor', 'remove-user', 'anna'])).stderr).toContain('kein Konto');
  });
});

describe('auskunft faq export', () => {
  it('writes released entries as FAQ files the crawler reads back unchanged', async () => {
    const sql = sqliteSql(storePath);
    const store = createEditorStore(sql);
    const id = await store.createEntry(null, '2026-12-01T10:00:00.000Z');
    await store.addVersion({
      entryId: id, version: 1, question: 'Wer bezahlt meinen Assistenzhund?', alternatives: ['Assistenzhund Kosten'], answer: 'Meist die **Krankenkasse**.\n\n- Antrag dort stellen',
      source: 'https://www.example.de/inklusionsamt/begleitende-hilfe/#leistungen', contact: 'Frau Beispiel, 0221 555-123', validUntil: '2099-12-31', easyLanguage: 'Die Kranken-Kasse zahlt.\nFragen Sie dort.', author: 'anna', at: '2026-12-01T10:00:00.000Z',
    });
    await store.updateEntry(id, { draftVersion: null, draftState: null, liveVersion: null }, { draftVersion: null, draftState: null, liveVersion: 1 }, '2026-12-01T11:00:00.000Z');
    sql.close();
    const out = join(dir, 'faq');
    const res = await run(['faq', 'export', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(await readdir(out)).toEqual([`konsole-${id}.yaml`]);
    const { entries } = await loadFaqFiles(out, { baseUrl: 'https://www.example.de/', today: '2026-12-04' });
    expect(entries).toMatchObject([{
      question: 'Wer bezahlt meinen Assistenzhund?', alternatives: ['Assistenzhund Kosten'], answer: 'Meist die Krankenkasse.\nAntrag dort stellen',
      source: 'https://www.example.de/inklusionsamt/begleitende-hilfe/', anchor: 'leistungen', contact: 'Frau Beispiel, 0221 555-123', validUntil: '2099-12-31', easyLanguage: 'Die Kranken-Kasse zahlt.\nFragen Sie dort.',
    }]);
  });
});
