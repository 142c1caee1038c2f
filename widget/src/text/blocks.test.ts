import { describe, expect, it } from 'vitest';
import { answerBlocks } from './blocks';

describe('answer blocks', () => {
  it('turns lines marked with a bullet into one list after its lead-in', () => {
    const text = 'Sie haben drei Möglichkeiten [1]:\n• Online im Serviceportal.\n• Schriftlich mit dem Antragsformular.\n• Persönlich in der Servicestelle. [1]\nDer Antrag ist kostenlos. [1]';
    expect(answerBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Sie haben drei Möglichkeiten [1]:' },
      { kind: 'list', items: ['Online im Serviceportal.', 'Schriftlich mit dem Antragsformular.', 'Persönlich in der Servicestelle. [1]'] },
      { kind: 'paragraph', text: 'Der Antrag ist kostenlos. [1]' },
    ]);
  });

  it('keeps an answer without bullets as one paragraph', () => {
    expect(answerBlocks('Im Durchschnitt dauert das Verfahren etwa drei Monate. [1]')).toEqual([{ kind: 'paragraph', text: 'Im Durchschnitt dauert das Verfahren etwa drei Monate. [1]' }]);
  });
});
