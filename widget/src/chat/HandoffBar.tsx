import type { Handoff } from '../api/chat';
import type { ChatStrings } from './i18n';
import { PersonIcon } from './icons';

/**
 * "Talk to a person", always in the same place between the conversation and the question box
 * (WCAG 2.2 3.2.6 Consistent Help). The contact comes from the server's `handoff` (or the
 * host's data-contact-url until the first answer).
 */
export function HandoffBar({ handoff, strings }: { handoff: Handoff | null; strings: ChatStrings }) {
  if (!handoff) return null;
  return (
    <p class="handoff">
      <PersonIcon />
      <span>
        {strings.handoffLead} <a href={handoff.url}>{handoff.title}</a>
      </span>
    </p>
  );
}
