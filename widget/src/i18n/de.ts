import type { Strings } from './types';

/** German is the default: the widget is built for German public authorities. */
export const de: Strings = {
  lang: 'de',

  searchLabel: 'Suche auf dieser Website',
  searchHint: 'Ergebnisse erscheinen während der Eingabe',
  searchButton: 'Suchen',
  searchLoading: 'Suche läuft …',
  searchTooShort: 'Bitte geben Sie mindestens 2 Zeichen ein.',
  resultsLabel: 'Suchergebnisse',
  resultCount: (n) => (n === 1 ? '1 Treffer' : `${n} Treffer`),
  noResults: (q) => `Keine Treffer für „${q}“`,
  askAssistant: 'Frage an den Assistenten stellen',

  launcher: 'Fragen an den Assistenten',
  chatTitle: 'Digitaler Assistent',
  close: 'Assistent schließen',
  newChat: 'Neues Gespräch',
  disclosure:
    'Sie schreiben mit einem automatisierten Assistenten (KI). Antworten stützen sich nur auf Seiten dieser Website und können unvollständig sein.',
  privacy: 'Bitte geben Sie keine persönlichen Daten ein (Name, Aktenzeichen, Gesundheitsangaben).',
  transcriptLabel: 'Gesprächsverlauf',
  emptyTranscript: 'Stellen Sie Ihre Frage, zum Beispiel: „Wer bezahlt eine Arbeitsassistenz?“',
  inputLabel: 'Ihre Frage',
  inputHint: 'Eingabetaste sendet, Umschalt + Eingabetaste macht einen Zeilenumbruch.',
  send: 'Senden',
  question: 'Ihre Frage',
  answer: 'Antwort',
  sources: 'Quellen',
  sourceLink: (n, title) => `Quelle ${n}: ${title}`,
  lowConfidence: 'Diese Antwort ist möglicherweise ungenau. Bitte prüfen Sie die Quellen.',
  answering: 'Antwort wird erstellt …',
  answerDone: (n) =>
    n === 0 ? 'Antwort fertig, keine Quellen' : n === 1 ? 'Antwort fertig, 1 Quelle' : `Antwort fertig, ${n} Quellen`,
  answerCancelled: 'Antwort abgebrochen.',

  errorNetwork: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
  errorGeneric: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.',
};
