import type { Strings } from './types';

/** German is the default: the widget is built for German public authorities. */
export const de: Strings = {
  lang: 'de',

  searchLabel: 'Suche auf dieser Website',
  searchHint: 'Ergebnisse erscheinen während der Eingabe. Mit Pfeil nach unten wählen, mit Eingabetaste öffnen. Eingabetaste ohne Auswahl zeigt alle Ergebnisse.',
  searchButton: 'Suchen',
  searchLoading: 'Suche läuft …',
  searchTooShort: 'Bitte geben Sie mindestens 2 Zeichen ein.',
  resultsLabel: 'Suchergebnisse',
  resultCount: (n) => (n === 1 ? '1 Treffer' : `${n} Treffer`),
  noResults: (q) => `Keine Treffer für „${q}“`,
  noResultsTips: 'Prüfen Sie die Schreibweise oder versuchen Sie ein allgemeineres Wort.',
  suggestion: (term) => `Stattdessen suchen: ${term}`,
  askAssistant: (q) => `„${q}“ dem digitalen Assistenten stellen`,
  resultsTitle: (q) => `Suchergebnisse für „${q}“`,
  close: 'Schließen',
  showAll: (n) => `Alle ${n} Treffer anzeigen`,

  launcher: 'Fragen an den Assistenten',
  chatLoading: 'Der Assistent wird geladen …',
  chatLoadFailed: 'Der Assistent konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.',

  errorNetwork: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
  errorGeneric: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.',
};
