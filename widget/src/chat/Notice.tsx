import type { WidgetConfig } from '../config';
import { detectLang } from '../text/detect-lang';
import type { ChatStrings } from './i18n';

export const DISCLOSURE_ID = 'aw-chat-disclosure';
export const PRIVACY_ID = 'aw-chat-privacy';
/** Version of the built-in disclosure text; hosts with their own text set data-disclosure-version. */
export const BUILT_IN_DISCLOSURE_VERSION = 'auskunft-2026-11';

/**
 * The AI disclosure (AI Act Art. 50(1): people must know they talk to a machine) and the request not to enter personal data with
 * a link to the host's privacy notice (docs/data-protection.md). It opens the transcript, so it is read before the
 * first message and stays at the top of the conversation.
 *
 * One source of truth for the disclosure: the text the authority configured on the server
 * (chat.disclosure), which arrives with the first answer. Until then, and from servers that send
 * none, the host's data-disclosure-* text or the built-in one stands in.
 */
export function Notice({ config, strings, serverText }: { config: WidgetConfig; strings: ChatStrings; serverText: string | null }) {
  const version = serverText ? 'server' : config.disclosure ? (config.disclosureVersion ?? 'host') : BUILT_IN_DISCLOSURE_VERSION;
  // The server's text is usually German; an English widget marks it for screen readers.
  const serverLang = serverText ? detectLang(serverText) : config.lang;
  return (
    <div class="notice" data-disclosure-version={version}>
      <p id={DISCLOSURE_ID} lang={serverLang !== config.lang ? serverLang : undefined}>
        {serverText ?? config.disclosure ?? strings.disclosure}
      </p>
      <p id={PRIVACY_ID} class="notice-privacy">
        {strings.privacy}
        {config.links.privacy && (
          <>
            {' '}
            <a href={config.links.privacy}>{strings.privacyLink}</a>
          </>
        )}
      </p>
    </div>
  );
}
