/**
 * The kinds of personal data German citizens type into a search box or chat, one rule each:
 * what it looks like, and which placeholder replaces it. `scrub.ts` applies them in this order
 * (earlier kinds contain digit runs that later, looser kinds would otherwise take apart: e-mail
 * and IBAN before phone numbers, labelled numbers before dates, dates before phone numbers).
 *
 * Linear time: every quantifier in every pattern is bounded ({n,m}, never + or * or {n,}), so a
 * match attempt at one position reads at most a fixed number of characters, and a global
 * replace tries each position once: the work is proportional to the input's length whatever
 * it contains. `scrub.test.ts` checks the patterns for unbounded quantifiers. Callbacks look
 * only at their match.
 *
 * Labelled numbers keep their label ("Steuer-ID [Nummer]"), so editors and retrieval still see
 * what the question was about.
 */
export interface PersonalDataKind {
  /** Stable name, used by the tests and the documentation. */
  kind: string;
  pattern: RegExp;
  /** The replacement; a function gets the match and its groups and may return the match unchanged. */
  replace: string | ((match: string, ...groups: string[]) => string);
  /** Public contact data of the authority (from its own pages) stays; see `contactKey`. */
  publicContact?: 'phone' | 'email';
}

/** Placeholders the rules insert; `withoutPlaceholders` removes exactly these before retrieval. */
export const PLACEHOLDERS = ['Name', 'Telefon', 'E-Mail', 'IBAN', 'BIC', 'Nummer', 'Versicherungsnummer', 'Ausweisnummer', 'Datum', 'Adresse', 'Ort', 'Kennzeichen'] as const;

const MONTHS = 'Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';

/** Words that follow a salutation or a preposition but are no name or street (sentence words, time words). */
const NOT_A_NAME = '(?!(?:Wie|Was|Wo|Wann|Warum|Wer|Welche[rsnm]?|Ich|Sie|Er|Es|Wir|Ihr|Der|Die|Das|Den|Dem|Des|Ein|Eine|Und|Oder|Aber|Mit|Von|Vom|Bei|Beim|Im|In|Am|An|Auf|Aus|Für|Zu|Zum|Zur|Ist|Hat|Kann|Muss|Soll|Bitte|Danke|Hallo|Guten)(?![\\p{L}]))';
/** After "ich heiße" names are often typed in lower case; these words end the name. */
const NOT_A_NAME_LOWER = '(?!(?:und|oder|aber|wie|was|wo|wann|ich|bin|habe|hab|mit|aus|von|bei|bitte|wohne|komme|brauche|möchte|will|suche|frage|hätte|würde|kann|muss|soll|ist|und|auch|noch|hier|dann|danke|im|in|am|an|zu|zum|zur|für)(?![\\p{L}]))';
const NAME_WORD = "[\\p{Lu}][\\p{L}'’-]{0,30}";
/** Academic titles between salutation and name: "Dr.", "Prof. Dr. med.", "Dipl.-Ing.". */
const TITLES = '(?:(?:Dr|Prof|Dipl|med|rer|nat|phil|jur|dent|habil|Ing)\\.(?:-[\\p{L}]{1,10}\\.?)?[ ]?){1,5}';

/** Time, counting and legal words after "Am", "Im" …: "Am Montag 8 Uhr" is no address. */
const NOT_A_STREET = `(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Feiertag|Tag|Jahr|Monat|Woche|Anfang|Ende|Abschnitt|Absatz|Kapitel|Satz|Teil|Punkt|Schritt|Raum|Zimmer|Nummer|Alter|Durchschnitt|Schnitt|Rahmen|Fall|${MONTHS})(?![\\p{L}]))`;
const NOT_A_COUNT = '(?![ ]?(?:Uhr|Euro|EUR|€|%|Prozent|Tage|Tagen|Jahre|Jahren|Monate|Monaten|Wochen|Stunden|Minuten|Personen|Mal|km|Kilometer)(?![\\p{L}]))';
const HOUSE_NUMBER = `[ ]?\\d{1,3}(?!\\d)(?:[ ]?[a-zA-Z](?![\\p{L}]))?(?:[ ]?[-–/][ ]?\\d{1,3}(?!\\d))?(?![,.]\\d)${NOT_A_COUNT}`;

/** Digits of a labelled number: groups of capitals and digits, with at least one digit. */
const LABELLED_VALUE = '([A-Z0-9]{1,14}(?:[ ./-]{1,2}[A-Z0-9]{1,14}){0,8})(?![\\p{L}\\d])';
const LABEL_JOIN = '((?:[ ]?(?:-?Nr\\.?|-?Nummer))?[ ]?(?::|ist|lautet|lautet:)?[ ]{0,3})';

const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** Keeps the label, replaces the value, unless the value has too few digits to be an identifier. */
const labelled = (minDigits: number, placeholder = '[Nummer]') => (match: string, label: string, join: string, value: string) =>
  digitCount(value) >= minDigits ? `${label}${join}${placeholder}` : match;

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  {
    kind: 'email',
    pattern: /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,6}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu,
    replace: '[E-Mail]',
    publicContact: 'email',
  },
  {
    // Two capitals, two check digits, 11–30 alphanumerics, optionally in groups of four.
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g,
    replace: '[IBAN]',
  },
  {
    // A BIC is a word of capitals like many others ("ANTRAGEN"); only one named as such is taken.
    kind: 'bic',
    pattern: /\b(BIC|SWIFT|BIC-Code|SWIFT-Code)([ ]?:?[ ]{0,3})[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b/g,
    replace: '$1$2[BIC]',
  },
  {
    // Steuer-ID (11 digits, "12 345 678 901") and Steuernummer ("123/456/78901").
    kind: 'tax-number',
    pattern: new RegExp(`\\b((?:[Ss]teuer-?[Ii][Dd]|[Ss]teuer-?[Ii]dentifikationsnummer|[Ii]d[Nn]r\\.|[Ss]teuernummer|[Ss]teuer-Nr\\.?|St\\.?-?Nr\\.?))${LABEL_JOIN}${LABELLED_VALUE}`, 'gu'),
    replace: labelled(8),
  },
  {
    // Sozial-, Renten- and Krankenversicherungsnummer, Versichertennummer, named as such.
    kind: 'insurance-number-labelled',
    pattern: new RegExp(`\\b((?:[Ss]ozialversicherungs|[Rr]entenversicherungs|[Kk]rankenversicherungs|[Kk]rankenversicherten|[Vv]ersicherten|[Vv]ersicherungs|[Rr]enten|SV-|RV-|KV-)(?:nummer|Nummer|-?Nr\\.?)|KVNR|SVNR)${LABEL_JOIN}${LABELLED_VALUE}`, 'gu'),
    replace: labelled(6),
  },
  {
    // Rentenversicherungsnummer without its label: area, birth date, initial, serial ("65 170839 J 003").
    kind: 'pension-insurance-number',
    pattern: /\b\d{2}[ ]?[0-3]\d[01]\d{3}[ ]?[A-Z][ ]?\d{3}\b/g,
    replace: '[Versicherungsnummer]',
  },
  {
    // Krankenversichertennummer without its label: a capital and nine digits ("A123456789").
    kind: 'health-insurance-number',
    pattern: /\b[A-Z]\d{9}\b/g,
    replace: '[Versicherungsnummer]',
  },
  {
    // Personalausweis-, Reisepass- and Aufenthaltstitelnummer, named as such.
    kind: 'id-document-labelled',
    pattern: new RegExp(`\\b((?:[Pp]ersonalausweis|[Aa]usweis|[Rr]eisepass|[Pp]ass|[Aa]ufenthaltstitel|[Aa]ufenthaltserlaubnis|[Dd]okumenten|eAT-?)(?:nummer|-?Nummer|-?Nr\\.?))${LABEL_JOIN}${LABELLED_VALUE}`, 'gu'),
    replace: labelled(3),
  },
  {
    // Ausweis/Pass/eAT serial without its label: nine characters of the document alphabet, one a
    // letter first, with at least three digits ("T22000129", "C01X00T47").
    kind: 'id-document-number',
    pattern: /\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\b/g,
    replace: (match) => (digitCount(match) >= 3 ? '[Ausweisnummer]' : match),
  },
  {
    kind: 'file-number',
    pattern: new RegExp(`\\b((?:[Aa]ktenzeichen|Az\\.?|AZ|[Gg]eschäftszeichen|(?:[Ii]hr|[Uu]nser) Zeichen|[Kk]undennummer|[Kk]unden-Nr\\.?|[Pp]ersonalnummer|[Vv]organgsnummer|[Aa]ntragsnummer|[Bb]escheidnummer|[Mm]itgliedsnummer|[Vv]ertragsnummer|[Rr]echnungsnummer|[Ff]allnummer|[Tt]icketnummer|[Kk]ontonummer|[Bb]earbeitungsnummer))${LABEL_JOIN}${LABELLED_VALUE}`, 'gu'),
    replace: labelled(1),
  },
  {
    // Full dates (birth dates among them): 3.7.1968, 03.07.68, 1968-07-03, "3. Juli 1968".
    kind: 'date',
    pattern: new RegExp(`\\b(?:\\d{1,2}\\.[ ]?\\d{1,2}\\.[ ]?(?:19|20)?\\d{2}|(?:19|20)\\d{2}-[01]\\d-[0-3]\\d|\\d{1,2}\\.[ ]?(?:${MONTHS})[ ](?:19|20)\\d{2})\\b`, 'gu'),
    replace: '[Datum]',
  },
  {
    // National ("0221 123 45 67", "(0221) 123 45 67", "0221/1234567", "0171-2345678") and
    // international ("+49 221 1234567", "+49 (0)221 …", "0049 …") numbers: 6 to 15 digits.
    kind: 'phone',
    pattern: /(?<![\d\p{L}])(?:(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ ]?)?\d{1,5}|\(0\d{1,5}(?:[ ]\d{1,4})?\)|0[1-9]\d{1,5})(?:[ ]?[/-][ ]?|[ ]|\.)?\d{1,8}(?:(?:[ ]?-[ ]?|[ ]|\/)\d{1,8}){0,5}(?!\d)/gu,
    replace: (match) => {
      const digits = digitCount(match);
      return digits >= 6 && digits <= 15 ? '[Telefon]' : match;
    },
    publicContact: 'phone',
  },
  {
    // Kfz-Kennzeichen: "K-AB 1234", "BN-XY 123E"; with a space instead of the hyphen only when
    // named ("Kennzeichen K AB 1234"), since "SGB IX 152" looks the same.
    kind: 'licence-plate',
    pattern: /\b(?:[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]?\d{1,4}[EH]?|((?:Kfz-)?[Kk]ennzeichen|Nummernschild)([ ]?:?[ ]{0,3})[A-ZÄÖÜ]{1,3}[ -][A-Z]{1,2}[ ]?\d{1,4}[EH]?)\b/gu,
    replace: (_match, label?: string, join?: string) => (label ? `${label}${join}[Kennzeichen]` : '[Kennzeichen]'),
  },
  {
    // Street and house number: "Lindenstraße 14a", "Kölner Straße 7", "Hauptstr. 5".
    kind: 'street-address',
    pattern: new RegExp(`(?<![\\p{L}])(?:[\\p{Lu}][\\p{L}-]{0,30}[ -])?[\\p{Lu}]?[\\p{L}-]{0,30}(?:[Ss]traße|[Ss]trasse|[Ss]tr\\.|[Ww]eg|[Gg]asse|[Pp]latz|[Aa]llee|[Rr]ing|[Dd]amm|[Uu]fer|[Cc]haussee|[Pp]fad|[Ss]teig|[Mm]arkt|[Kk]ai|[Ww]all)${HOUSE_NUMBER}`, 'gu'),
    replace: '[Adresse]',
  },
  {
    // Street names after a preposition: "Am Hafen 3", "An der Alster 12", "Im Wiesengrund 4".
    kind: 'street-address-preposition',
    pattern: new RegExp(`(?<![\\p{L}])(?:Am|An der|An den|Auf der|Auf dem|Auf den|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Hinter dem|Vor dem|Bei der|Alte[rn]?|Neue[rn]?|Große[rn]?|Kleine[rn]?)[ ]${NOT_A_STREET}[\\p{Lu}][\\p{L}-]{1,30}(?:[ ][\\p{Lu}][\\p{L}-]{1,30})?${HOUSE_NUMBER}`, 'gu'),
    replace: '[Adresse]',
  },
  {
    // Postcode and town: "50667 Köln" (not "22000 Euro", "12345 Anträge").
    kind: 'postcode-place',
    pattern: /(?<![\d.,])\b\d{5}[ ](?!(?:Euro|EUR|Menschen|Personen|Einwohner|Mitglieder|Beschäftigte|Fälle|Anträge|Besucher|Stück|Seiten|Kilometer|Tage|Plätze)(?![\p{L}]))[\p{Lu}][\p{L}-]{1,40}(?:[ ](?:am|an der|im|in|ob der|vor der)[ ][\p{Lu}][\p{L}-]{1,30}|[ ]\([\p{L}. ]{1,30}\))?/gu,
    replace: '[Ort]',
  },
  {
    // Names introduced as names: "ich heiße …", "mein Name ist …" (also typed in lower case).
    kind: 'name-introduced',
    pattern: new RegExp(`\\b((?:[Ii]ch heiße|[Ii]ch heisse|[Mm]ein Name ist|[Mm]ein Name lautet|[Mm]ein Name:|[Nn]ame:)[ ]{1,3})${NOT_A_NAME}(?:${TITLES})?[\\p{L}][\\p{L}'’-]{0,30}(?:[ ]${NOT_A_NAME}${NOT_A_NAME_LOWER}[\\p{L}][\\p{L}'’-]{0,30}){0,2}`, 'gu'),
    replace: '$1[Name]',
  },
  {
    // Names after a salutation or title: "Frau Özdemir", "Herrn Dr. Meier", "Frau Dr. Erika Musterfrau".
    kind: 'name-salutation',
    pattern: new RegExp(`(?<![\\p{L}])(?:(Herr|Herrn|Frau)[ ]{1,3}(?:${TITLES})?|(?:Dr|Prof)\\.[ ]?(?:${TITLES})?)${NOT_A_NAME}${NAME_WORD}(?:[ ]${NOT_A_NAME}${NAME_WORD}){0,2}`, 'gu'),
    replace: (_match, salutation?: string) => (salutation ? `${salutation} [Name]` : '[Name]'),
  },
  {
    // Unlabelled numbers grouped like identifiers ("12 345 678 901", "123/456/78901"): 9+ digits.
    kind: 'grouped-number',
    pattern: /(?<![\d.,])\d{2,5}(?:[ /]\d{2,6}){2,5}(?![\d.,]\d)/g,
    replace: (match) => (digitCount(match) >= 9 ? '[Nummer]' : match),
  },
  {
    // Long digit runs that survived (customer, contract, tax numbers without a label).
    kind: 'long-number',
    pattern: /\d{8,64}/g,
    replace: '[Nummer]',
  },
];
