/**
 * Strings of the chat dialog (shipped in the chat chunk). Both languages implement this
 * interface, so a missing translation is a compile error.
 */
export interface ChatStrings {
  chatTitle: string;
  /** Always visible under the title: an automated assistant, not a person (AI Act Art. 50). */
  aiNote: string;
  close: string;
  newChat: string;
  newChatStarted: string;
  /** Built-in AI disclosure; hosts replace it with data-disclosure-de / data-disclosure-en, so
   * the authority can use its own legally reviewed wording. */
  disclosure: string;
  privacy: string;
  privacyLink: string;
  transcriptLabel: string;
  emptyTranscript: string;
  inputLabel: string;
  inputHint: string;
  send: string;
  completeOnly: string;
  question: string;
  answer: string;
  generated: { llm: string; faq: string; extractive: string };
  model: (id: string) => string;
  sources: string;
  sourceLink: (n: number, title: string) => string;
  answering: string;
  answerDone: (sourceCount: number) => string;
  answerCancelled: string;
  retry: string;
  copy: string;
  copied: string;
  copyFailed: string;
  feedbackQuestion: string;
  feedbackUp: string;
  feedbackDown: string;
  feedbackCommentLabel: string;
  feedbackSend: string;
  feedbackThanks: string;
  feedbackFailed: string;
  easyLanguageShow: string;
  easyLanguageTitle: string;
  handoffLead: string;
  /** Above the contact in an answer that could not be given from the site. */
  declinedLead: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  contactHours: string;
  /** The general contact page, below a named contact. */
  contactAll: string;
  contactFallback: string;
  moreLinks: string;
  links: { accessibility: string; accessibilityFeedback: string; easyLanguage: string; signLanguage: string };

  errorNetwork: string;
  errorGeneric: string;
}
