import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import type { FeedbackBody, SendFeedback } from '../api/feedback';
import { logError } from '../log';
import { reveal } from '../ui/reveal';
import { conversationScroller } from './scroller';
import type { ChatStrings } from './i18n';
import { ThumbDownIcon, ThumbUpIcon } from './icons';

interface Props {
  id: number;
  strings: ChatStrings;
  announcer: Announcer;
  sendFeedback: SendFeedback;
  /** Question, answer and cited URLs of the rated answer. */
  about: Omit<FeedbackBody, 'rating' | 'comment'>;
}

type State = 'idle' | 'comment' | 'sending' | 'sent' | 'failed';

/**
 * "War diese Antwort hilfreich?" with thumbs up/down. Up is sent at once; down first offers an
 * optional comment. The pressed button stays in place (aria-pressed), so focus is never lost;
 * after a comment is sent, focus moves to the thank-you line that replaced the form.
 */
export function Feedback({ id, strings, announcer, sendFeedback, about }: Props) {
  const [state, setState] = useState<State>('idle');
  const [rating, setRating] = useState<'up' | 'down' | null>(null);
  const [comment, setComment] = useState('');
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const labelId = `aw-fb-${id}`;
  const commentId = `aw-fb-c-${id}`;

  useLayoutEffect(() => {
    if (state !== 'comment') return;
    commentBox.current?.focus();
    // The whole form, send button included, above the hand-off bar (focus scrolls only the box).
    const el = form.current;
    const scroller = el && conversationScroller(el);
    if (el && scroller) reveal(el, scroller, 8);
  }, [state]);

  const send = async (body: FeedbackBody, focusResult: boolean): Promise<void> => {
    setState('sending');
    let next: State = 'sent';
    try {
      await sendFeedback(body);
    } catch (err) {
      logError('feedback could not be sent', err);
      next = 'failed';
    }
    setState(next);
    announcer.polite(next === 'sent' ? strings.feedbackThanks : strings.feedbackFailed);
    if (focusResult) requestAnimationFrame(() => result.current?.focus());
  };

  const rate = (value: 'up' | 'down'): void => {
    if (state !== 'idle' && state !== 'comment') return;
    setRating(value);
    if (value === 'up') void send({ rating: 'up', ...about }, false);
    else setState('comment');
  };

  return (
    <div class="feedback">
      <div class="feedback-row" role="group" aria-labelledby={labelId}>
        <span id={labelId}>{strings.feedbackQuestion}</span>
        {(['up', 'down'] as const).map((value) => (
          <button
            key={value}
            type="button"
            class="btn icon-btn"
            aria-label={value === 'up' ? strings.feedbackUp : strings.feedbackDown}
            title={value === 'up' ? strings.feedbackUp : strings.feedbackDown}
            aria-pressed={rating === value ? 'true' : 'false'}
            onClick={() => rate(value)}
          >
            {value === 'up' ? <ThumbUpIcon /> : <ThumbDownIcon />}
          </button>
        ))}
      </div>
      {state === 'comment' && (
        <form
          ref={form}
          class="feedback-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ rating: 'down', ...(comment.trim() ? { comment: comment.trim() } : {}), ...about }, true);
          }}
        >
          <label for={commentId} class="label">
            {strings.feedbackCommentLabel}
          </label>
          <textarea id={commentId} ref={commentBox} class="input textarea" rows={2} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button type="submit" class="btn secondary">
            {strings.feedbackSend}
          </button>
        </form>
      )}
      {(state === 'sent' || state === 'failed') && (
        <p ref={result} tabIndex={-1} class={state === 'failed' ? 'note soft-error' : 'note'}>
          {state === 'sent' ? strings.feedbackThanks : strings.feedbackFailed}
        </p>
      )}
    </div>
  );
}
