/**
 * German function words dropped before ranking. Hand-picked instead of taking a package list:
 * the common lists (stopwords-iso, stopword) also drop content words this domain needs, such as
 * "Recht", "Zeit", "Jahr", "Weg" (Arbeitsweg) or "Ende" (Befristung), and would make
 * "Wie lange dauert das Recht auf Zusatzurlaub?" lose half its meaning.
 * The last line holds the fillers of typed questions ("gibts da was", "was kann ich tun"), which
 * otherwise count as unknown words and make the chat decline. Entries are in normalised form (see normalizeWord): lower case, ß → ss, ue → ü.
 */
const WORDS = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus
bei beim bin bis bist da dabei dadurch dafür dagegen daher damit dann daran darauf darf darin darüber
darum das dass dazu dein deine deinem deinen deiner dem den denn der deren des dessen dich die dies diese
diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einige er es etwa
etwas euch euer eure für gegen gewesen hab habe haben hat hatte hätte hier hin hinter ich ihm ihn ihnen
ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jetzt kann kannst könnte können
man manche mein meine meinem meinen meiner meines mich mir mit muss müssen nach nein noch nun nur ob
oder ohne schon sehr sein seine seinem seinen seiner sich sie sind so soll sollen sollte sondern sowie
über um und uns unser unsere unter viel vom von vor war waren was weil welche welchem welchen welcher
welches wenn wer werde werden wie wieso wieviel wir wird wo woher wohin wurde würde zu zum zur zwischen
warum wann weshalb bitte gibt gilt geht
habt hast gibts will wollen möchte möchten dürfen tun jemand jemanden jemandem nen nem ner mal halt eben
hallo hi hey moin servus danke dankeschön vielen
`;

export const GERMAN_STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
