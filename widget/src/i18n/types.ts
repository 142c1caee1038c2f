/**
 * Strings of the part of the widget that widget.js paints at once: the search box and the
 * launcher. The chat's strings travel in the chat chunk (chat/i18n/). Both languages implement
 * this interface, so a missing translation is a compile error, not a blank button. Functions
 * are used where grammar depends on a number or an inserted value.
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
  noResultsTips: string;
  suggestion: (term: string) => string;
  askAssistant: (query: string) => string;
  /** Title of the full results view (Enter without a highlighted option). */
  resultsTitle: (query: string) => string;
  showAll: (count: number) => string;
  close: string;

  launcher: string;
  chatLoading: string;
  chatLoadFailed: string;

  errorNetwork: string;
  errorGeneric: string;
}
