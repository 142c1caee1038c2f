import type { SearchResult } from '../api';
import { safeUrl } from '../text/url';
import { Snippet } from './Snippet';

interface Props {
  label: string;
  results: SearchResult[];
  apiBase: string;
}

export function ResultList({ label, results, apiBase }: Props) {
  return (
    <ul class="results" aria-label={label}>
      {results.map((r, i) => {
        // Link to the best passage; fall back to the page; never to a non-http URL.
        const href = safeUrl(r.sectionUrl, apiBase) ?? safeUrl(r.url, apiBase);
        return (
          <li key={`${i}:${r.sectionUrl}`} class="result">
            {href ? (
              <a class="result-title" href={href}>
                {r.title}
              </a>
            ) : (
              <span class="result-title">{r.title}</span>
            )}
            {r.section && <p class="result-section">{r.section}</p>}
            {r.snippet && <Snippet text={r.snippet} highlights={r.highlights} />}
          </li>
        );
      })}
    </ul>
  );
}
