import { describe, expect, it } from 'vitest';
import { newTurn, type Turn } from './history';
import { STORAGE_KEY, parse, sessionStore } from './persist';

/** The Storage methods persist.ts uses, over a Map. */
function fakeStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const answered: Turn = {
  ...newTurn(1, 'Wer zahlt den Umbau meines Autos?'),
  status: 'done',
  text: 'Die Kraftfahrzeughilfe kann den behinderungsbedingten Umbau übernehmen [1].',
  sources: [{ n: 1, url: 'https://lvmr.example/inklusionsamt/kraftfahrzeughilfe/', title: 'Kraftfahrzeughilfe', section: null, snippet: '…' }],
  generated: 'extractive',
  confident: true,
};

describe('sessionStore', () => {
  it('keeps the conversation under one key and gives it back after a reload', () => {
    const storage = fakeStorage();
    const store = sessionStore(() => storage);
    store.save([answered, { ...newTurn(2, 'Und wie lange dauert das?') }]);
    expect([...storage.data.keys()]).toEqual([STORAGE_KEY]);
    // The running answer is not kept: after a reload it could never finish.
    expect(sessionStore(() => storage).load()).toEqual([answered]);
  });

  it('keeps an answer\'s language, decline and contact across a reload', () => {
    const storage = fakeStorage();
    const english: Turn = {
      ...newTurn(1, 'Am I entitled to money for my car?'),
      status: 'done',
      text: 'I cannot assess whether you are entitled to this.',
      lang: 'en',
      textLang: 'en',
      declined: 'personal-assessment',
      handoff: {
        url: 'https://lvmr.example/kontakt/',
        title: 'Kontakt',
        contact: { name: 'Team Kraftfahrzeughilfe', phone: '0221 555-1234', url: 'https://lvmr.example/kfz/', origin: 'faq' },
      },
    };
    expect(english.lang).toBe('en');
    sessionStore(() => storage).save([english]);
    expect(sessionStore(() => storage).load()).toEqual([english]);
  });

  it('keeps the server\'s disclosure with the conversation, since only the first answer brings it', () => {
    const storage = fakeStorage();
    sessionStore(() => storage).save([answered], 'Sie schreiben mit einem automatisierten Assistenten (KI).');
    expect(sessionStore(() => storage).loadDisclosure()).toBe('Sie schreiben mit einem automatisierten Assistenten (KI).');
    sessionStore(() => storage).save([answered]);
    expect(sessionStore(() => storage).loadDisclosure()).toBeNull();
  });

  it('forgets everything on clear ("Neues Gespräch")', () => {
    const storage = fakeStorage();
    const store = sessionStore(() => storage);
    store.save([answered]);
    store.clear();
    expect(storage.length).toBe(0);
  });

  it('works without storage (blocked by the browser) and without throwing', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = sessionStore(blocked);
    expect(store.load()).toEqual([]);
    expect(() => store.save([answered])).not.toThrow();
  });
});

describe('parse', () => {
  it('ignores foreign, older or broken entries', () => {
    expect(parse(null)).toEqual([]);
    expect(parse('{kaputt')).toEqual([]);
    expect(parse(JSON.stringify({ v: 0, turns: [answered] }))).toEqual([]);
    expect(parse(JSON.stringify({ v: 1, turns: [{ question: 42 }, answered] }))).toEqual([answered]);
  });
});
