/**
 * What a chat message asks the assistant to do, decided before any search: a question about the
 * site, or something an authority's assistant must not do (write texts, recommend, take sides,
 * judge a person's own case, change its rules). Patterns are matched on the message folded to
 * lower case; each list is short and says what it catches, so an editor can read why a message
 * was refused (`auskunft ask` prints the rule).
 */
export type RequestKind = 'question' | 'task' | 'recommendation' | 'opinion' | 'political' | 'assessment' | 'injection' | 'garbage';

export interface RequestClassification {
  kind: RequestKind;
  /** The rule that decided it, in words, for `auskunft ask`. */
  rule: string;
}

/** Attempts to change the assistant's rules or read them out (OWASP LLM01: prompt injection). */
const INJECTION = [
  /\b(ignorier\w*|vergiss|missachte\w*)\b.{0,40}\b(anweisung\w*|regeln|vorgaben|instruktion\w*|prompt|alles|oben)\b/,
  /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules|prompt|above|previous|everything)\b/,
  /\b(system ?prompt|systemnachricht|developer mode|jailbreak|dan mode)\b/,
  /\b(du bist (jetzt|ab sofort|nun)|you are now|tu so,? als|pretend (to be|you are)|act as|spiel(e)? die rolle)\b/,
  /\b(gib|zeig|nenne|wiederhole|print|show|reveal|repeat)\b.{0,30}\b(deine[n]?|your|die|the)\b.{0,20}\b(anweisung\w*|instructions?|prompt|regeln|rules)\b/,
];

/** Requests to produce something rather than to learn what the site says. */
const TASK = [
  /^(bitte\s+)?(schreib|verfass|formulier|dicht|übersetz|erstell|generier|programmier|erzähl|entwirf|mach mir|fass\w* .{0,40}zusammen|rechne|berechne)\w*\b/,
  /\b(kannst|könntest|würdest) du\b.{0,60}\b(schreiben|verfassen|formulieren|dichten|übersetzen|erstellen|programmieren|erzählen|entwerfen|zusammenfassen)\b/,
  /\b(können|könnten|würden) sie (mir )?.{0,60}\b(schreiben|verfassen|formulieren|dichten|übersetzen|programmieren|entwerfen)\b/,
  /\b(ein(en|e)? )?(gedicht|witz|aufsatz|liebesbrief|songtext|bewerbungsschreiben|kündigungsschreiben|widerspruchsschreiben|rede|geschichte)\b.{0,30}\b(schreiben|über|für mich)\b/,
  /^(please\s+)?(write|compose|draft|translate|summari[sz]e|generate|create|tell me a joke|code)\b/,
  /\b(can|could|would) you\b.{0,40}\b(write|compose|draft|translate|summari[sz]e|generate|create|code)\b/,
];

/** Advice to buy, invest or choose a provider: an authority recommends no one. */
const RECOMMENDATION = [
  /\b(empfiehl|empfehlen sie|empfehlung|empfiehlst|rat(e|en sie) mir)\b.{0,60}\b(kaufen|anwalt|anwältin|firma|händler|shop|laden|marke|aktie\w*|versicherung|bank|arzt|ärztin)\b/,
  /\b(welche[nrs]?|was für ein\w*)\b.{0,40}\b(soll|sollte|würdest) (ich|du)\b.{0,30}\b(kaufen|nehmen|wählen|anlegen|investieren)\b/,
  /\b(wo kann ich|wo bekomme ich)\b.{0,40}\b(günstig|billig|kaufen)\b/,
  /\b(aktien?|krypto\w*|bitcoin|etf|geldanlage|investier\w*|rendite)\b/,
  /\b(bester|beste|besten|günstigste\w*)\b.{0,30}\b(anwalt|händler|shop|versicherung|auto|marke|werkstatt|anbieter)\b/,
  /\b(recommend|which .{0,30} should i (buy|choose|pick)|best (lawyer|shop|car|bank|insurance)|invest(ment)?s?|stocks?|crypto)\b/,
];

/** Parties, elections, governments, politicians. */
const POLITICAL_TOPIC =
  /\b(partei\w*|wahl|wahlen|wählen|wähle|bundestagswahl|landtagswahl|kommunalwahl|europawahl|cdu|csu|spd|grünen?|fdp|afd|linke|bsw|koalition|opposition|regierung|bundesregierung|landesregierung|kanzler\w*|minister\w*|ministerpräsident\w*|bürgermeister\w*|landrat|landrätin|politiker\w*|politik|abgeordnete\w*|election|vote|voting|party|parties|government|chancellor|politician)\b/;
/** Asking for the assistant's view instead of the site's content. */
const OPINION =
  /\b(was (hältst|denkst|meinst) du|was halten sie von|wie findest du|findest du|deine meinung|ihre meinung|meinung zu|gut oder schlecht|wen soll ich|welche partei|soll ich .{0,20}wählen|wem soll ich|vertraust du|magst du|what do you think|your opinion|who should i vote|do you like)\b/;

/**
 * Questions that ask to judge the asker's own case. General information may be given, the
 * decision is the authority's (AI Act Annex III 5(a); GDPR Art. 22), so these get a hand-off.
 */
const ASSESSMENT = [
  /\b(habe|hab|hätte|hat|haben) (ich|mein\w*|wir) (einen |ein |noch |überhaupt )?(anspruch|recht) auf\b/,
  /\bsteh(t|en) (mir|uns|meine\w*) .{0,40}\bzu\b/,
  // "Bekomme ich …?" asks for a verdict; "Wo bekomme ich das Formular?" does not.
  /^(und |aber |also )?(bekomme|bekommen|kriege|krieg|kriegen|erhalte|erhalten) (ich|wir)\b/,
  /\bob (ich|wir|mein\w*) .{0,50}\b(bekomme|bekommen|kriege|erhalte|zusteht|zustehen)\b/,
  /^(und |aber |also )?(kann|könnte|darf) ich\b.{0,50}\b(bekommen|erhalten|kriegen)\b/,
  /\b(in meinem|in unserem) fall\b/,
  /\b(darf|kann) mein(e|em)? (chef|chefin|arbeitgeber\w*|vermieter\w*) mich\b/,
  /\b(ist|war) (meine|die) kündigung (rechtmäßig|wirksam|gültig|erlaubt|zulässig|rechtens)\b/,
  /\bwird mein (antrag|widerspruch) (bewilligt|genehmigt|abgelehnt|angenommen)\b/,
  /\bwie (stehen|sind) meine chancen\b/,
  /\bwelche[nrs]? (gdb|grad der behinderung|merkzeichen) (bekomme|kriege|habe|erhalte) ich\b/,
  /\b(am i (eligible|entitled)|do i (qualify|get)|can i get|will i (get|receive)|will my (application|claim))\b/,
];

/**
 * Classifies a chat message. The order matters: an injection attempt is refused even when it is
 * phrased as a question, a political opinion request even when it names a topic of the site.
 */
export function classifyRequest(message: string): RequestClassification {
  const text = message.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2 || !/\p{L}{2,}/u.test(text)) return { kind: 'garbage', rule: 'no words in the message' };
  if (looksLikeKeyboardMash(text)) return { kind: 'garbage', rule: 'no word of the message is a word' };
  const rule = (kind: RequestKind, what: string, patterns: readonly RegExp[]): RequestClassification | null => {
    const hit = patterns.find((p) => p.test(text));
    return hit ? { kind, rule: `${what} (${hit.source.slice(0, 60)}…)` } : null;
  };
  return (
    rule('injection', 'asks to change or reveal the assistant\'s rules', INJECTION) ??
    (POLITICAL_TOPIC.test(text) && (OPINION.test(text) || /\b(wählen|wähle|vote)\b/.test(text))
      ? { kind: 'political', rule: 'asks for a view on parties, elections, governments or politicians' }
      : null) ??
    (OPINION.test(text) ? { kind: 'opinion', rule: 'asks for the assistant\'s own opinion' } : null) ??
    rule('task', 'asks to write, translate or produce something', TASK) ??
    rule('recommendation', 'asks for a purchase, investment or provider recommendation', RECOMMENDATION) ??
    // Parties and general elections; "die nächste SBV-Wahl" is a topic of the site.
    (/\b(partei\w*|bundestagswahl\w*|landtagswahl\w*|kommunalwahl\w*|europawahl\w*|bürgermeisterwahl\w*|cdu|csu|spd|grünen?|fdp|afd|bsw|election|party|parties)\b/.test(text)
      ? { kind: 'political', rule: 'about parties or elections' }
      : null) ??
    rule('assessment', 'asks to judge the asker\'s own case', ASSESSMENT) ?? { kind: 'question', rule: 'a question about the site\'s content' }
  );
}

/** "asdfghjkl", "qwertz": long runs of consonants in every word of a short message. */
function looksLikeKeyboardMash(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || words.length > 3) return false;
  return words.every((w) => w.length >= 4 && (/[^aeiouäöüy]{5,}/.test(w) || !/[aeiouäöüy]/.test(w)));
}
