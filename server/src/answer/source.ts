import { passageUrl } from '@auskunft/core';
import type { RetrievedPassage } from '../retrieve/retrieve.js';
import type { Source } from './answer.js';

/** A cited passage as the citizen sees it: title, section link and a short plain snippet. */
export function toSource(hit: RetrievedPassage, n: number): Source {
  const text = hit.passage.text.replace(/•\s*/g, '').replace(/\s+/g, ' ');
  return {
    n,
    url: passageUrl(hit.passage),
    title: hit.passage.title,
    section: hit.passage.section,
    snippet: text.length > 200 ? `${text.slice(0, 200).replace(/\s+\S*$/, '')} …` : text,
  };
}

