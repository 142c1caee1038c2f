/**
 * Questions that ask the bot to judge a person's own case ("Habe ich Anspruch …?", "Bekomme ich
 * …?", "Wird mir gekündigt …?"). The bot only informs; deciding an entitlement is the
 * authority's job (AI Act Annex III 5(a); GDPR Art. 22), so such questions are handed off.
 */
const PERSONAL_CASE = [
  /\b(habe|hab|hätte|hat) (ich|mein\w*|wir) (einen |ein |noch )?(anspruch|recht) auf\b/i,
  /\bsteh(t|en) (mir|uns|meine\w*) .{0,40}\bzu\b/i,
  /\b(bekomme|kriege|erhalte) (ich|wir) .{0,60}\?/i,
  /\b(in meinem|in unserem) fall\b/i,
  /\b(darf|kann) mein(e|em)? (chef|chefin|arbeitgeber\w*) mich\b/i,
  /\b(ist|war) (meine|die) kündigung (rechtmäßig|wirksam|gültig|erlaubt|zulässig)\b/i,
  /\bwird mein (antrag|widerspruch) (bewilligt|genehmigt|abgelehnt)\b/i,
  /\bwie (stehen|sind) meine chancen\b/i,
  /\bwelchen gdb (bekomme|kriege|habe) ich\b/i,
];

export function asksForPersonalAssessment(question: string): boolean {
  return PERSONAL_CASE.some((pattern) => pattern.test(question));
}
