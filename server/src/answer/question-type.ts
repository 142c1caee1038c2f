/**
 * The kind of thing a question asks for, read from its question word and frame ("Wie lange
 * dauert …" → a duration, "Welche Unterlagen …" → a list of documents), and a test whether a
 * piece of text carries that kind of content. The answer is then built from text that can
 * answer it: a sentence with a period of time for "Wie lange", a list for "Welche Unterlagen".
 */
export type QuestionType =
  | 'documents'
  | 'duration'
  | 'deadline'
  | 'cost'
  | 'amount'
  | 'who-pays'
  | 'contact'
  | 'hours'
  | 'where'
  | 'when'
  | 'how-to'
  | 'requirements'
  | 'definition'
  | 'who'
  | 'list'
  | 'general';

/** First match wins: the more specific frames come before the general question words. */
const FRAMES: ReadonlyArray<[QuestionType, RegExp]> = [
  ['documents', /\b(welche|was für)\s+(unterlagen|dokumente|nachweise|papiere|belege)|\b(mitschick|einschick|beileg|mitbring)\w*|\b(unterlagen|dokumente|nachweise|papiere)\b.{0,30}\b(brauch|benötig|mitbring|beileg|einreich|vorleg)|\b(mitbringen|beilegen|einreichen)\b|\bwhat documents\b|\bwhich documents\b/],
  ['hours', /öffnungszeit|sprechzeit|\bgeöffnet\b|\bwann (hat|haben|ist) .{0,30}\b(offen|geöffnet|erreichbar)|opening hours|\bopen\b/],
  ['contact', /telefon|\bnummer\b|\banruf|\bruf\w* .{0,10}an\b|e-?mail|\bkontakt|ansprechpart|\berreich\w*\b|\bphone\b|\bcontact\b|\bcall\b/],
  ['duration', /\bwie lange\b|\bdauer\w*\b|bearbeitungszeit|wie schnell|how long/],
  ['deadline', /\bfrist\w*|\bbis wann\b|\bspätestens\b|\bdeadline\b|\bby when\b/],
  ['who-pays', /\bwer (zahlt|bezahlt|übernimmt|trägt|fördert|finanziert|erstattet)\b|\bwho pays\b|\bwho covers\b/],
  ['cost', /\bwas kostet|\bkosten\b|\bkostet\b|\bgebühr\w*|\bkostenlos\b|\bwie teuer\b|\bpreis\b|\bcosts?\b|\bfees?\b|\bprice\b/],
  ['amount', /\bwie hoch\b|\bwie viel|\bwieviel|\bbetrag\b|\bhöhe\b|\bhow much\b/],
  ['requirements', /voraussetzung|\bwer (kann|darf|bekommt|hat anspruch)\b|\banspruch\b|berechtigt|\bbedingung|eligib|requirement|who can\b/],
  ['how-to', /\bwie (beantrage|bekomme|stelle|kriege|erhalte|melde|komme|gehe|mache|funktioniert)\b|\bbeantrag\w*|\bantrag stellen\b|\bhow (do|can) i\b|\bhow to\b|\bapply\b/],
  ['where', /\bwo\b|\bwohin\b|\bwhere\b/],
  ['when', /\bwann\b|\bwhen\b/],
  ['definition', /^(und )?(was (ist|sind|bedeutet|heißt|macht|versteht man unter)|what (is|are|does))\b/],
  ['who', /^(und )?(wer|who)\b|\bzuständig\b|\bresponsible\b/],
  // "Welche Umbauten werden bezahlt?", "Welche Hilfsmittel gibt es?": the answer is a list.
  ['list', /^(und )?(welche|was für|which|what kinds? of)\b|\bwelche\b.{0,40}\bgibt es\b/],
];

export function questionType(message: string): QuestionType {
  const text = message.toLocaleLowerCase('de-DE');
  return FRAMES.find(([, frame]) => frame.test(text))?.[0] ?? 'general';
}

const NUMBER_WORD = '(\\d+|ein(em|er|en|es)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|halben?|ganzen?)';
const PERIOD = new RegExp(`\\b${NUMBER_WORD}\\s+(arbeits)?(tag|tage|tagen|woche|wochen|monat|monate|monaten|monats|jahr|jahre|jahren|jahres)\\b|\\bunverzüglich\\b|\\bsofort\\b`);

/** What text that answers each kind of question contains. */
const CARRIES: Record<QuestionType, RegExp | null> = {
  documents: /\b(unterlagen|nachweis\w*|kopie\w*|formular\w*|bescheinigung\w*|bescheid\w*|foto|passfoto|bericht\w*|erklärung|vollmacht|ausweis|beschreibung|kostenvoranschl\w*|angebot\w*)\b/,
  duration: PERIOD,
  deadline: new RegExp(`${PERIOD.source}|\\bfrist\\w*|\\bbis zum\\b|\\bspätestens\\b|\\bvor(her)?\\b.{0,20}\\b(kauf|beginn|unterschreib)`),
  cost: /€|\beuro\b|kostenlos|kostenfrei|gebühr\w*|\bkostet\b|eigenbeteiligung|\bzahlen\b|\bfree of charge\b/,
  amount: /€|\beuro\b|prozent|%|\bbis zu\b|\bhöchstens\b|\bmindestens\b|\d/,
  // Names a payer next to paying: "zahlt das Inklusionsamt", "trägt … ein Rehabilitationsträger".
  'who-pays': /\b(zahlt|zahlen|übernimmt|übernehmen|trägt|tragen|fördert|fördern|finanziert|erstattet|bezuschusst)\b.{0,60}\b(inklusionsamt|integrationsamt|agentur|\w*träger\w*|rentenversicherung|krankenkasse|arbeitgeber\w*|jobcenter|wir|sozialamt|unfallversicherung)\b|\b(inklusionsamt|integrationsamt|agentur für arbeit|\w*träger|rentenversicherung|krankenkasse|wir)\b.{0,40}\b(zahlt|zahlen|übernimmt|übernehmen|trägt|tragen|fördert|fördern|finanziert)\b/,
  contact: /\b0\d{2,5}[\s/-]*\d|@|\btelefon\w*|\be-?mail\b/,
  hours: /\b(mo|di|mi|do|fr|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b.{0,40}\d{1,2}([.:]\d{2})?|\buhr\b/,
  where: /\b(straße|str\.|platz|weg|raum|zimmer|servicestelle|außenstelle|büro|online|portal)\b|\b\d{5}\b|\b(antrag\w*|stellen sie|wenden sie sich|einreichen|schicken sie)\b.{0,50}\b(bei|an)\b/,
  when: new RegExp(`${PERIOD.source}|\\bwenn\\b|\\bsobald\\b|\\bbevor\\b|\\bnach\\b|\\d{1,2}\\.\\s?\\d{1,2}\\.|\\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\\b`),
  'how-to': /\b(antrag\w*|beantrag\w*|stellen sie|online|formular\w*|schicken|senden|einreichen|melden sie|vereinbaren|portal)\b/,
  requirements: /\b(wenn|voraussetzung\w*|mindestens|müssen|muss|berechtigt|anspruch|gilt|erhalten|bekommen|können)\b/,
  // Nearly every text says "ist" somewhere; definitions are recognised by the heading and the
  // opening of the page about the concept instead (answer-unit.ts).
  definition: null,
  who: /\b(inklusionsamt|integrationsamt|agentur|träger|arbeitgeber\w*|team|abteilung|stelle|dienst|zuständig\w*|wir)\b/,
  list: /(^|\n)•|:\s*$|\bzum beispiel\b|\betwa\b/,
  general: null,
};

/** Whether `text` (one sentence, row or section) carries what the question type asks for. */
export function carriesAnswer(type: QuestionType, text: string): boolean {
  const pattern = CARRIES[type];
  return pattern !== null && pattern.test(text.toLocaleLowerCase('de-DE'));
}

/** Question types whose answer is usually a list: its items are kept together. */
export const LIST_TYPES: ReadonlySet<QuestionType> = new Set(['documents', 'how-to', 'requirements', 'list']);
