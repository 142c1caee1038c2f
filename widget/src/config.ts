import type { Lang } from './i18n';
import { safeUrl } from './text/url';

export type Mode = 'search' | 'chat' | 'both';

/** Links the host configures; each is an absolute http(s) URL or null. */
export interface HostLinks {
  /** The host's privacy notice, linked from the note shown before the first message (docs/data-protection.md). */
  privacy: string | null;
  /** Contact page for "talk to a person" until the server names one with its first answer. */
  contact: string | null;
  /** Erklärung zur Barrierefreiheit, its feedback form, Leichte Sprache and DGS pages (BITV 2.0, docs/accessibility.md). */
  accessibility: string | null;
  accessibilityFeedback: string | null;
  easyLanguage: string | null;
  signLanguage: string | null;
}

export interface WidgetConfig {
  /** API base without trailing slash, e.g. `https://auskunft.example`. */
  api: string;
  mode: Mode;
  lang: Lang;
  /** CSS selector of the element to mount into, if any. */
  target: string | null;
  /** `session`: the conversation survives reloads in sessionStorage (opt-in, docs/data-protection.md). */
  persist: 'memory' | 'session';
  /** Corner of the chat launcher. */
  position: 'right' | 'left';
  /** `complete`: answers appear only when finished instead of streaming (WCAG 2.2.2, docs/accessibility.md). */
  answers: 'stream' | 'complete';
  /** Host-provided AI disclosure in the widget's language, replacing the built-in text (AI Act Art. 50). */
  disclosure: string | null;
  /** Version label of the disclosure text, rendered as data-disclosure-version for audits. */
  disclosureVersion: string | null;
  /** Name shown for the contact link before the server names one. */
  contactLabel: string | null;
  links: HostLinks;
  /** Popular searches offered when a search finds nothing. */
  suggestions: string[];
  /** Theming shortcuts, applied as custom properties; checked with CSS.supports at mount. */
  accent: string | null;
  font: string | null;
}

/** Minimal view of the `<script>` element, so this stays testable without a DOM. */
export interface AttributeSource {
  getAttribute(name: string): string | null;
}

const LINK_ATTRIBUTES: Record<keyof HostLinks, string> = {
  privacy: 'data-privacy-url',
  contact: 'data-contact-url',
  accessibility: 'data-accessibility-url',
  accessibilityFeedback: 'data-accessibility-feedback-url',
  easyLanguage: 'data-easy-language-url',
  signLanguage: 'data-sign-language-url',
};

/**
 * Reads the `data-*` attributes of the embedding script tag. Returns an error string instead
 * of throwing when the widget cannot work at all (no usable `data-api`). A bad optional value
 * is reported through `warn` and replaced by its default, so a typo never breaks the page.
 */
export function readConfig(script: AttributeSource, baseUrl: string, warn: (message: string) => void = () => {}): WidgetConfig | string {
  const attr = (name: string): string | null => script.getAttribute(name)?.trim() || null;
  const rawApi = attr('data-api');
  if (!rawApi) return 'data-api attribute missing on the widget <script> tag';
  const api = safeUrl(rawApi, baseUrl)?.replace(/\/+$/, '');
  if (!api) return `data-api is not a valid http(s) URL: ${rawApi}`;

  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = attr(name)?.toLowerCase();
    if (value === undefined || value === null) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    warn(`${name}="${value}" is not one of ${allowed.join(', ')}; using "${fallback}"`);
    return fallback;
  };
  const lang = choice('data-lang', ['de', 'en'] as const, 'de');

  const links = {} as HostLinks;
  for (const [key, name] of Object.entries(LINK_ATTRIBUTES) as Array<[keyof HostLinks, string]>) {
    const raw = attr(name);
    links[key] = raw ? safeUrl(raw, baseUrl) : null;
    if (raw && !links[key]) warn(`${name} is not a valid http(s) URL: ${raw}; the link is left out`);
  }

  return {
    api,
    mode: choice('data-mode', ['search', 'chat', 'both'] as const, 'both'),
    lang,
    target: attr('data-target'),
    persist: choice('data-persist', ['memory', 'session'] as const, 'memory'),
    position: choice('data-position', ['right', 'left'] as const, 'right'),
    answers: choice('data-answers', ['stream', 'complete'] as const, 'stream'),
    disclosure: attr(`data-disclosure-${lang}`),
    disclosureVersion: attr('data-disclosure-version'),
    contactLabel: attr('data-contact-label'),
    links,
    suggestions: (attr('data-suggestions') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 5),
    accent: attr('data-accent'),
    font: attr('data-font'),
  };
}
