import type { Strings } from './types';

export const en: Strings = {
  lang: 'en',

  searchLabel: 'Search this website',
  searchHint: 'Results appear as you type. Use the down arrow to choose, Enter to open. Enter without a choice shows all results.',
  searchButton: 'Search',
  searchLoading: 'Searching …',
  searchTooShort: 'Please enter at least 2 characters.',
  resultsLabel: 'Search results',
  resultCount: (n) => (n === 1 ? '1 result' : `${n} results`),
  noResults: (q) => `No results for “${q}”`,
  noResultsTips: 'Check the spelling or try a more general word.',
  suggestion: (term) => `Search instead: ${term}`,
  askAssistant: (q) => `Ask the digital assistant: “${q}”`,
  resultsTitle: (q) => `Search results for “${q}”`,
  close: 'Close',
  showAll: (n) => `Show all ${n} results`,

  launcher: 'Ask the assistant',
  chatLoading: 'Loading the assistant …',
  chatLoadFailed: 'The assistant could not be loaded. Please try again later.',

  errorNetwork: 'The service is currently unavailable. Please try again later.',
  errorGeneric: 'Something went wrong. Please try again later.',
};
