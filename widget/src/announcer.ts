/**
 * The widget's voice for screen readers: live regions in the host page's light DOM.
 *
 * Live regions inside a shadow root are not announced reliably (Chrome, iOS VoiceOver:
 * Umbraco-CMS #21028, coveo ui-kit #1715), so the widget creates one visually clipped element
 * in the light DOM at load, empty, because screen readers only announce changes to regions
 * that already exist (docs/accessibility.md, Announcements). It holds two regions: a polite status for result counts and answer
 * progress, and an assertive one reserved for "no results" and errors, so
 * routine counts never interrupt (docs/accessibility.md, WCAG 4.1.3).
 *
 * Nothing else is live: neither the result list nor the transcript, so streamed tokens are
 * never read out one by one (docs/accessibility.md, Answers).
 */
export interface Announcer {
  /**
   * Queued after what the screen reader is saying ("3 Treffer", "Antwort fertig, 2 Quellen").
   * `lang` when the text is not in the widget's language (an answer to an English question).
   */
  polite(text: string, lang?: string): void;
  /** Interrupts: "Keine Treffer für …", errors. */
  assertive(text: string): void;
}

/** Visually hidden but read by screen readers; set through CSSOM (no style attribute, so it works under a strict CSP
 * without 'unsafe-inline', docs/security.md). */
function clip(el: HTMLElement): void {
  Object.assign(el.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    border: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  });
}

function region(politeness: 'polite' | 'assertive'): HTMLElement {
  const el = document.createElement('div');
  if (politeness === 'polite') el.setAttribute('role', 'status');
  el.setAttribute('aria-live', politeness);
  el.setAttribute('aria-atomic', 'true');
  return el;
}

/**
 * Creates the regions at the end of `document.body` and returns the functions that speak.
 * @example const say = createAnnouncer('de'); say.polite('3 Treffer');
 */
export function createAnnouncer(lang: string): Announcer {
  const box = document.createElement('div');
  box.className = 'auskunft-announcer';
  box.lang = lang;
  clip(box);
  const polite = region('polite');
  const assertive = region('assertive');
  box.append(polite, assertive);
  document.body.append(box);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const speak = (el: HTMLElement, text: string, textLang = lang): void => {
    clearTimeout(timer);
    el.lang = textLang;
    // Emptying first and filling a moment later makes a repeated text ("2 Treffer") count as a
    // change again; screen readers skip a region whose text did not change. Only one region
    // holds text at a time, so a stale message is never read along with a new one.
    polite.replaceChildren();
    assertive.replaceChildren();
    timer = setTimeout(() => el.replaceChildren(text), 60);
  };
  return { polite: (text, textLang) => speak(polite, text, textLang), assertive: (text) => speak(assertive, text) };
}
