/**
 * Every user-visible string of the widget. Both languages implement this
 * interface, so a missing translation is a compile error, not a blank button.
 * Functions are used where grammar depends on a number or an inserted value.
 */
export interface Strings {
  /** Value for the `lang` attribute of the host element (screen-reader pronunciation). */
  lang: string;

  searchLabel: string;
  searchHint: string;
  searchButton: string;
  searchLoading: string;
  searchTooShort: string;
  resultsLabel: string;
  resultCount: (n: number) => string;
  noResults: (query: string) => string;
  askAssistant: string;

  launcher: string;
  chatTitle: string;
  close: string;
  newChat: string;
  disclosure: string;
  privacy: string;
  transcriptLabel: string;
  emptyTranscript: string;
  inputLabel: string;
  inputHint: string;
  send: string;
  question: string;
  answer: string;
  sources: string;
  sourceLink: (n: number, title: string) => string;
  lowConfidence: string;
  answering: string;
  answerDone: (sourceCount: number) => string;
  answerCancelled: string;

  errorNetwork: string;
  errorGeneric: string;
}
