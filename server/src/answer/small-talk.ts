import type { Answer, Handoff } from './answer.js';

const GREETING = /^(hallo|hi|hey|guten (tag|morgen|abend)|moin|servus|grüß gott|gruess gott)\b/i;
const THANKS = /^(danke|vielen dank|dankeschön|merci|super,? danke)\b/i;
const GOODBYE = /^(tschüss|tschuess|auf wiedersehen|ciao|bis bald)\b/i;
/** Longer messages are questions that happen to start politely ("Hallo, wie beantrage ich …"). */
const MAX_WORDS = 4;

/**
 * Greetings, thanks and goodbyes get a short fixed reply instead of a search, and no citations
 * (there is nothing to cite, and a citation on a greeting would look like a sourced answer).
 */
export function smallTalkAnswer(message: string, handoff: Handoff | null): Answer | null {
  const text = message.trim().replace(/[!.?,\s]+$/g, '');
  if (text.split(/\s+/).length > MAX_WORDS) return null;
  let reply: string | null = null;
  if (GREETING.test(text)) reply = 'Guten Tag! Ich beantworte Fragen zu den Inhalten dieser Website und nenne die Seiten, auf die sich meine Antworten stützen. Was möchten Sie wissen?';
  else if (THANKS.test(text)) reply = 'Gern geschehen! Fragen Sie gern weiter, wenn Sie noch etwas wissen möchten.';
  else if (GOODBYE.test(text)) reply = 'Auf Wiedersehen! Bei weiteren Fragen bin ich hier.';
  if (!reply) return null;
  return { text: reply, sources: [], generated: 'extractive', model: null, confident: true, handoff };
}
