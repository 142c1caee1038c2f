import type { Strings } from './types';

export const en: Strings = {
  lang: 'en',

  searchLabel: 'Search this website',
  searchHint: 'Results appear as you type',
  searchButton: 'Search',
  searchLoading: 'Searching …',
  searchTooShort: 'Please enter at least 2 characters.',
  resultsLabel: 'Search results',
  resultCount: (n) => (n === 1 ? '1 result' : `${n} results`),
  noResults: (q) => `No results for “${q}”`,
  askAssistant: 'Ask the assistant instead',

  launcher: 'Ask the assistant',
  chatTitle: 'Digital assistant',
  close: 'Close assistant',
  newChat: 'New conversation',
  disclosure:
    'You are chatting with an automated assistant (AI). Answers are based only on pages of this website and may be incomplete.',
  privacy: 'Please do not enter personal data (name, file number, health information).',
  transcriptLabel: 'Conversation',
  emptyTranscript: 'Ask your question, for example: “Who pays for work assistance?”',
  inputLabel: 'Your question',
  inputHint: 'Enter sends, Shift + Enter adds a line break.',
  send: 'Send',
  question: 'Your question',
  answer: 'Answer',
  sources: 'Sources',
  sourceLink: (n, title) => `Source ${n}: ${title}`,
  lowConfidence: 'This answer may be inaccurate. Please check the sources.',
  answering: 'Answer is being written …',
  answerDone: (n) =>
    n === 0 ? 'Answer ready, no sources' : n === 1 ? 'Answer ready, 1 source' : `Answer ready, ${n} sources`,
  answerCancelled: 'Answer cancelled.',

  errorNetwork: 'The service is currently unavailable. Please try again later.',
  errorGeneric: 'Something went wrong. Please try again later.',
};
