import type { Strings } from '../i18n';
import { linkCitations } from '../text/citations';
import { safeUrl } from '../text/url';
import type { Turn } from './history';

interface Props {
  strings: Strings;
  apiBase: string;
  turn: Turn;
}

/**
 * One answer. While streaming, the text is shown exactly as received; once
 * done, the final answer replaces it, `[n]` markers become links to
 * `sources[n-1]` and the sources are listed. The answer is plain text:
 * nothing in it is ever interpreted as HTML or Markdown.
 */
export function AnswerView({ strings, apiBase, turn }: Props) {
  const { status, text, sources } = turn;
  return (
    <div class="msg msg-answer">
      <h3 class="msg-label">{strings.answer}</h3>

      {status === 'streaming' &&
        (text ? (
          <p class="msg-text">
            {text}
            <span class="cursor" aria-hidden="true" />
          </p>
        ) : (
          <p class="msg-text pending">{strings.answering}</p>
        ))}

      {status === 'done' && (
        <p class="msg-text">
          {linkCitations(text, sources, apiBase).map((part, i) =>
            part.kind === 'cite' ? (
              <a key={i} class="cite" href={part.url} title={part.title} aria-label={strings.sourceLink(part.n, part.title)}>
                {part.text}
              </a>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
      {status === 'done' && !turn.confident && <p class="note">{strings.lowConfidence}</p>}
      {status === 'done' && sources.length > 0 && (
        <div class="sources">
          <h4>{strings.sources}</h4>
          <ol>
            {sources.map((s, i) => {
              const href = safeUrl(s.url, apiBase);
              return <li key={i}>{href ? <a href={href}>{s.title}</a> : s.title}</li>;
            })}
          </ol>
        </div>
      )}

      {status === 'error' && <p class="error">{turn.error}</p>}
      {status === 'cancelled' && (
        <>
          {text && <p class="msg-text">{text}</p>}
          <p class="note">{strings.answerCancelled}</p>
        </>
      )}
    </div>
  );
}
