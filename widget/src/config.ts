import type { Lang } from './i18n';
import { safeUrl } from './text/url';

export type Mode = 'search' | 'chat' | 'both';

export interface WidgetConfig {
  /** API base without trailing slash, e.g. `https://auskunft.example`. */
  api: string;
  mode: Mode;
  lang: Lang;
  /** CSS selector of the element to mount into, if any. */
  target: string | null;
}

/** Minimal view of the `<script>` element, so this stays testable without a DOM. */
export interface AttributeSource {
  getAttribute(name: string): string | null;
}

/**
 * Reads the `data-*` attributes of the embedding script tag.
 * Returns an error string instead of throwing; unknown values of optional
 * attributes fall back to the defaults rather than breaking the page.
 */
export function readConfig(script: AttributeSource, baseUrl: string): WidgetConfig | string {
  const rawApi = script.getAttribute('data-api')?.trim();
  if (!rawApi) return 'data-api attribute missing on the widget <script> tag';
  const api = safeUrl(rawApi, baseUrl)?.replace(/\/+$/, '');
  if (!api) return `data-api is not a valid http(s) URL: ${rawApi}`;

  const mode = script.getAttribute('data-mode')?.trim().toLowerCase();
  const lang = script.getAttribute('data-lang')?.trim().toLowerCase();
  const target = script.getAttribute('data-target')?.trim();
  return {
    api,
    mode: mode === 'search' || mode === 'chat' ? mode : 'both',
    lang: lang === 'en' ? 'en' : 'de',
    target: target || null,
  };
}
