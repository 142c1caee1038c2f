import type { Handoff } from '../api/chat';
import { safeUrl } from '../text/url';
import { ContactCard } from './ContactCard';
import type { ChatStrings } from './i18n';
import { PersonIcon } from './icons';

interface Props {
  handoff: Handoff | null;
  strings: ChatStrings;
  /** Language of `strings` (that of the latest answer), set when it is not the widget's. */
  lang: string | undefined;
  apiBase: string;
}

/**
 * "Talk to a person", always in the same place between the conversation and the question box
 * (WCAG 2.2 3.2.6 Consistent Help). The contact comes from the server's `handoff` (or the
 * host's data-contact-url until the first answer). When the server names the team for the
 * question (`handoff.contact`), its name is shown and a native disclosure opens its phone,
 * e-mail, address and hours: keyboard and screen readers get expand/collapse for free, and the
 * bar stays one line on a phone until someone asks for more.
 */
export function HandoffBar({ handoff, strings, lang, apiBase }: Props) {
  if (!handoff) return null;
  const { contact } = handoff;
  const url = safeUrl(handoff.url, apiBase);
  return (
    <div class="handoff" lang={lang}>
      {contact ? (
        <details>
          <summary>
            <PersonIcon />
            <span>
              {strings.handoffLead} <strong>{contact.name}</strong>
            </span>
          </summary>
          <ContactCard contact={contact} allUrl={handoff.url} apiBase={apiBase} strings={strings} named={false} />
        </details>
      ) : (
        <p>
          <PersonIcon />
          <span>
            {strings.handoffLead} {url ? <a href={url}>{handoff.title}</a> : handoff.title}
          </span>
        </p>
      )}
    </div>
  );
}
