import { useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import type { ChatSource } from '../api/chat';
import type { SendFeedback } from '../api/feedback';
import { answerBlocks } from '../text/blocks';
import { linkCitations } from '../text/citations';
import { safeUrl } from '../text/url';
import { ContactCard } from './ContactCard';
import { CopyButton } from './CopyButton';
import { Feedback } from './Feedback';
import type { Turn } from './history';
import type { ChatStrings } from './i18n';

interface Props {
  strings: ChatStrings;
  apiBase: string;
  turn: Turn;
  completeOnly: boolean;
  announcer: Announcer;
  sendFeedback: SendFeedback;
  onRetry: () => void;
}

/**
 * One answer. It starts with a heading, so screen-reader users jump from answer to answer
 * without focus being moved (docs/accessibility.md), and carries `data-generated` with how it
 * was made, so a model-written answer is always recognisable (AI Act Art. 50, docs/security.md); model-written answers are
 * labelled "KI-generiert". While streaming, the text is shown as received (or not at all with
 * "complete only"); once done, `[n]` markers become links to the cited sources, which are
 * listed below. The answer is plain text: nothing in it is interpreted as HTML or Markdown, and
 * the only links are source URLs, so injected text can never become a link
 * (docs/security.md, prompt injection).
 */
export function AnswerView({ strings, apiBase, turn, completeOnly, announcer, sendFeedback, onRetry }: Props) {
  const { status, text, sources, generated } = turn;
  const [easyOpen, setEasyOpen] = useState(false);
  const easyId = `aw-easy-${turn.id}`;
  // A decline cites nothing, so it is neither excerpts nor an FAQ answer: no label (the
  // attribute still says how the text was made). The same for greetings without sources.
  const declined = turn.declined !== null || (!turn.confident && sources.length === 0);
  const label = generated === 'none' || declined || (generated === 'extractive' && sources.length === 0) ? null : strings.generated[generated];
  const contact = turn.handoff?.contact;
  // Servers without `lang` answer in German, whatever the labels around it say.
  const textLang = turn.textLang !== turn.lang ? turn.textLang : undefined;

  const citedText = (part: string) =>
    linkCitations(part, sources, apiBase).map((piece, i) =>
      piece.kind === 'cite' ? (
        <a key={i} class="cite" href={piece.url} aria-label={strings.sourceLink(piece.n, piece.title)}>
          {piece.text}
        </a>
      ) : (
        piece.text
      ),
    );

  return (
    <div class="msg msg-answer" data-generated={status === 'done' ? generated : undefined}>
      <h3 class="msg-label">
        {strings.answer}
        {status === 'done' && label && <span class={generated === 'llm' ? 'tag tag-ai' : 'tag'}>{label}</span>}
      </h3>
      {status === 'done' && generated === 'llm' && turn.model && <p class="note">{strings.model(turn.model)}</p>}

      {status === 'streaming' &&
        (text && !completeOnly ? (
          <p class="msg-text">
            {text}
            <span class="cursor" aria-hidden="true" />
          </p>
        ) : (
          <p class="msg-text pending">{strings.answering}</p>
        ))}

      {status === 'done' && (
        <div class="msg-text" lang={textLang}>
          {answerBlocks(text).map((block, b) =>
            block.kind === 'list' ? (
              <ul key={b} class="answer-list">
                {block.items.map((item, i) => (
                  <li key={i}>{citedText(item)}</li>
                ))}
              </ul>
            ) : (
              <p key={b}>{citedText(block.text)}</p>
            ),
          )}
        </div>
      )}

      {status === 'done' && !turn.confident && contact && turn.handoff && (
        <div class="contact-box">
          <p>{strings.declinedLead}</p>
          <ContactCard contact={contact} allUrl={turn.handoff.url} apiBase={apiBase} strings={strings} />
        </div>
      )}

      {status === 'done' && turn.easyLanguage && (
        <div class="easy">
          <button type="button" class="btn quiet" aria-expanded={easyOpen ? 'true' : 'false'} aria-controls={easyId} onClick={() => setEasyOpen(!easyOpen)}>
            {strings.easyLanguageShow}
          </button>
          {/* Leichte Sprache is German, also inside an English widget: lang="de" lets
              screen readers pronounce it right (WCAG 3.1.2, docs/accessibility.md). */}
          <div id={easyId} class="easy-text" lang="de" hidden={!easyOpen}>
            <h4>{strings.easyLanguageTitle}</h4>
            <p class="msg-text">{turn.easyLanguage}</p>
          </div>
        </div>
      )}

      {status === 'done' && sources.length > 0 && <SourceList strings={strings} sources={sources} apiBase={apiBase} />}

      {status === 'done' && (
        <div class="actions">
          <CopyButton text={plainText(turn, strings)} strings={strings} announcer={announcer} />
          <Feedback
            id={turn.id}
            strings={strings}
            announcer={announcer}
            sendFeedback={sendFeedback}
            about={{ question: turn.question, answer: text, sources: sources.map((s) => s.url).filter(Boolean) }}
          />
        </div>
      )}

      {status === 'error' && (
        <>
          <p class="error">{turn.error}</p>
          <button type="button" class="btn secondary" onClick={onRetry}>
            {strings.retry}
          </button>
        </>
      )}
      {status === 'cancelled' && (
        <>
          {text && <p class="msg-text">{text}</p>}
          <p class="note">{strings.answerCancelled}</p>
        </>
      )}
    </div>
  );
}

function SourceList({ strings, sources, apiBase }: { strings: ChatStrings; sources: ChatSource[]; apiBase: string }) {
  return (
    <div class="sources">
      <h4>{strings.sources}</h4>
      <ol>
        {sources.map((s) => {
          const href = safeUrl(s.url, apiBase);
          const name = s.section && s.section !== s.title ? `${s.title}: ${s.section}` : s.title;
          return (
            <li key={s.n} value={s.n}>
              {href ? <a href={href}>{name}</a> : name}
              {s.snippet && <span class="source-snippet">{s.snippet}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The answer as someone would paste it into an e-mail: text, then numbered sources with URLs. */
function plainText(turn: Turn, strings: ChatStrings): string {
  const sources = turn.sources.filter((s) => s.url).map((s) => `[${s.n}] ${s.title}: ${s.url}`);
  return sources.length ? `${turn.text}\n\n${strings.sources}:\n${sources.join('\n')}` : turn.text;
}
