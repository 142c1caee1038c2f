import type { Answer, DeclineReason, Handoff } from './answer.js';
import type { AnswerLanguage } from './understand.js';

/**
 * The assistant's fixed replies, in German and English: when it declines, refuses a request that
 * is not a question about the site, or answers small talk. None carries a citation (there is
 * nothing to cite, and a citation would make it look like a sourced answer); every decline
 * carries the hand-off to a person.
 */
const TEXT = {
  de: {
    greeting: 'Guten Tag! Ich beantworte Fragen zu den Inhalten dieser Website und nenne die Seiten, auf die sich meine Antworten stützen. Was möchten Sie wissen?',
    thanks: 'Gern geschehen! Fragen Sie gern weiter, wenn Sie noch etwas wissen möchten.',
    goodbye: 'Auf Wiedersehen! Bei weiteren Fragen bin ich hier.',
    'not-covered': 'Dazu habe ich auf diesen Seiten keine verlässliche Antwort gefunden.',
    'no-content': 'Ich habe Ihre Nachricht leider nicht verstanden. Bitte stellen Sie Ihre Frage in einem Satz, zum Beispiel zu einer Leistung, einem Antrag oder einer Ansprechperson.',
    'out-of-scope-task':
      'Ich beantworte nur Fragen zu den Inhalten dieser Website und nenne dazu die Quellen. Texte schreiben, übersetzen, Meinungen äußern oder Produkte, Anbieter und Geldanlagen empfehlen kann ich nicht.',
    injection: 'Ich beantworte nur Fragen zu den Inhalten dieser Website. Anweisungen, meine Regeln zu ändern oder offenzulegen, befolge ich nicht.',
    political:
      'Als Assistent einer Behörde gebe ich keine Meinungen oder Empfehlungen zu Parteien, Wahlen, Regierungen oder Politikerinnen und Politikern ab: Öffentliche Stellen sind zur Neutralität verpflichtet. Amtliche Informationen zu Wahlen finden Sie bei der Bundeswahlleiterin (bundeswahlleiterin.de), bei der Landeswahlleitung Ihres Landes und bei Ihrer Stadt oder Gemeinde.',
    assessment: 'Ob Ihnen persönlich eine Leistung zusteht oder wie Ihr Fall entschieden wird, kann ich nicht beurteilen – das prüft die zuständige Stelle im Einzelfall.',
    generally: 'Allgemein gilt:',
    contact: (h: Handoff) => `Bitte wenden Sie sich an: ${contactText(h)}.`,
    noContact: 'Bitte wenden Sie sich direkt an die zuständige Stelle.',
  },
  en: {
    greeting: 'Hello! I answer questions about the content of this website and name the pages my answers are based on. What would you like to know?',
    thanks: 'You are welcome! Feel free to ask more.',
    goodbye: 'Goodbye! I am here if you have more questions.',
    'not-covered': 'I could not find a reliable answer to this on these pages.',
    'no-content': 'Sorry, I did not understand your message. Please ask your question in a sentence, for example about a service, an application or a contact person.',
    'out-of-scope-task':
      'I only answer questions about the content of this website and name my sources. I cannot write or translate texts, give opinions, or recommend products, providers or investments.',
    injection: 'I only answer questions about the content of this website. I do not follow instructions to change or reveal my rules.',
    political:
      'As the assistant of a public authority I give no opinions or recommendations on parties, elections, governments or politicians: public bodies are bound to neutrality. Official information on elections is available from the Federal Returning Officer (bundeswahlleiterin.de), your state’s returning officer and your town or municipality.',
    assessment: 'I cannot judge whether you personally are entitled to a benefit or how your case will be decided – the responsible office checks each case individually.',
    generally: 'In general:',
    contact: (h: Handoff) => `Please contact: ${contactText(h)}.`,
    noContact: 'Please contact the responsible office directly.',
  },
} as const;

type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

/** Who to turn to, in words; the link itself is the hand-off's `url`, which the widget shows as a button. */
function contactText(h: Handoff): string {
  const c = h.contact;
  if (!c) return h.title;
  const ways = [c.phone, c.email].filter(Boolean).join(', ');
  return `${c.name}${ways ? `, ${ways}` : ''}`;
}

export function handoffSentence(handoff: Handoff | null, lang: AnswerLanguage): string {
  return handoff ? TEXT[lang].contact(handoff) : TEXT[lang].noContact;
}

export function smallTalkReply(kind: SmallTalk, lang: AnswerLanguage, handoff: Handoff | null): Answer {
  return { text: TEXT[lang][kind], sources: [], generated: 'extractive', model: null, confident: true, handoff, lang };
}

/** Declines with the reason said plainly and the hand-off; no sources. */
export function declineReply(reason: DeclineReason | 'injection', lang: AnswerLanguage, handoff: Handoff | null): Answer {
  const text = reason === 'personal-assessment' ? TEXT[lang].assessment : TEXT[lang][reason];
  return {
    text: `${text} ${handoffSentence(handoff, lang)}`,
    sources: [],
    generated: 'extractive',
    model: null,
    confident: false,
    handoff,
    lang,
    declined: reason === 'injection' ? 'out-of-scope-task' : reason,
  };
}

/** The opening of an answer to a personal-assessment question, before the general information. */
export function assessmentPreamble(lang: AnswerLanguage): { notice: string; generally: string } {
  return { notice: TEXT[lang].assessment, generally: TEXT[lang].generally };
}
