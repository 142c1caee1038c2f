/**
 * Elements whose text runs on with its neighbours (HTML's phrasing content, plus the
 * presentational tags of old table layouts: `<font>`, `<big>`, `<tt>`, `<nobr>`). Finding the main
 * region and walking it into paragraphs use this one list: where they disagreed, a `<font>` in an
 * old layout ended a paragraph mid-sentence.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'nobr',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
