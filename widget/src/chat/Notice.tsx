import type { WidgetConfig } from '../config';
import type { ChatStrings } from './i18n';

export const DISCLOSURE_ID = 'aw-chat-disclosure';
export const PRIVACY_ID = 'aw-chat-privacy';
/** Version of the built-in disclosure text; hosts with their own text set data-disclosure-version. */
export const BUILT_IN_DISCLOSURE_VERSION = 'auskunft-2026-11';

/**
 * The AI disclosure (AI Act Art. 50(1), B1) and the request not to enter personal data with
 * a link to the host's privacy notice (C3). It opens the transcript, so it is read before the
 * first message and stays at the top of the conversation.
 */
export function Notice({ config, strings }: { config: WidgetConfig; strings: ChatStrings }) {
  const version = config.disclosure ? (config.disclosureVersion ?? 'host') : BUILT_IN_DISCLOSURE_VERSION;
  return (
    <div class="notice" data-disclosure-version={version}>
      <p id={DISCLOSURE_ID}>{config.disclosure ?? strings.disclosure}</p>
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
