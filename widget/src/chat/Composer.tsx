import type { RefObject } from 'preact';
import type { ChatStrings } from './i18n';

interface Props {
  strings: ChatStrings;
  inputRef: RefObject<HTMLTextAreaElement>;
  value: string;
  onChange: (text: string) => void;
  onSend: (text: string) => void;
  completeOnly: boolean;
  onCompleteOnlyChange: (on: boolean) => void;
}

const INPUT_ID = 'aw-chat-input';
const HINT_ID = 'aw-chat-hint';
const COMPLETE_ID = 'aw-chat-complete';

/**
 * Question input: Enter sends, Shift+Enter inserts a line break. Below it, the switch that
 * shows answers only when they are complete, for people who find text growing while they read
 * distracting, or whose screen reader re-reads the changing text (WCAG 2.2.2, docs/accessibility.md).
 */
export function Composer({ strings, inputRef, value, onChange, onSend, completeOnly, onCompleteOnlyChange }: Props) {
  const submit = (): void => {
    if (value.trim()) onSend(value);
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for={INPUT_ID} class="label">
        {strings.inputLabel}
      </label>
      <div class="row">
        <textarea
          id={INPUT_ID}
          ref={inputRef}
          class="input textarea"
          rows={2}
          value={value}
          aria-describedby={HINT_ID}
          enterkeyhint="send"
          onInput={(e) => onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            // isComposing: Enter confirms an IME composition and must not send.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="btn primary">
          {strings.send}
        </button>
      </div>
      <p id={HINT_ID} class="sr-only">
        {strings.inputHint}
      </p>
      <div class="check">
        <input id={COMPLETE_ID} type="checkbox" checked={completeOnly} onChange={(e) => onCompleteOnlyChange(e.currentTarget.checked)} />
        <label for={COMPLETE_ID}>{strings.completeOnly}</label>
      </div>
    </form>
  );
}
