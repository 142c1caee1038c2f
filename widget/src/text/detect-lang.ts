import type { Lang } from '../i18n';

// Short, frequent words that are only English or only German; words both languages share
// ("in", "an", "so", "was") are left out.
const EN = new Set('the is are what how who where when which why can could do does did i my me you your for of to with and or not about need get apply have has there this that please'.split(' '));
const DE = new Set('der die das den dem des ist sind wie wer wo wann welche warum kann können ich mein meine mir sie ihr für von zu mit und oder nicht über brauche bekomme beantrage habe gibt es ein eine einen bitte'.split(' '));

/**
 * The language of a citizen's question, as far as the widget can tell: English when it has more
 * English than German function words and no umlaut, German when it has more German ones or an
 * umlaut, otherwise `fallback` (the widget's language).
 * Used for the answer's labels until the server says which language it answered in.
 * @example detectLang('How do I apply for a disability card?') // 'en'
 */
export function detectLang(text: string, fallback: Lang = 'de'): Lang {
  if (/[äöüß]/i.test(text)) return 'de';
  let en = 0;
  let de = 0;
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    if (EN.has(word)) en++;
    if (DE.has(word)) de++;
  }
  return en > de ? 'en' : de > en ? 'de' : fallback;
}
