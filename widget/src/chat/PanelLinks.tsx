import type { HostLinks } from '../config';
import type { ChatStrings } from './i18n';

const ORDER = ['easyLanguage', 'signLanguage', 'accessibility', 'accessibilityFeedback'] as const;

/** The host's Leichte-Sprache, DGS and accessibility pages, where configured, as BITV 2.0 asks of
 * public bodies (docs/accessibility.md). */
export function PanelLinks({ links, strings }: { links: HostLinks; strings: ChatStrings }) {
  const present = ORDER.filter((key) => links[key]);
  if (!present.length) return null;
  return (
    <nav class="panel-links" aria-label={strings.moreLinks}>
      <ul>
        {present.map((key) => (
          <li key={key}>
            <a href={links[key]!}>{strings.links[key]}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
