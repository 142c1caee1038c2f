import type { CheerioAPI } from 'cheerio';

/** Class and id words of consent and cookie banners (Borlabs, Cookiebot, Klaro, Usercentrics, CCM19 …). */
const OVERLAY_NAME = /cookie|consent|banner|gdpr|dsgvo|einwilligung|klaro|usercentrics|ccm19/i;
/** Accessible names of such banners: `aria-label="Cookie-Einstellungen"`, "Datenschutzhinweis". */
const OVERLAY_LABEL = /cookie|consent|einwilligung|datenschutz-?(?:hinweis|einstellung)|privacy/i;
const FIXED = /position\s*:\s*(?:fixed|sticky)/i;
/** "Zum Inhalt springen", "Direkt zur Hauptnavigation", "Skip to content". */
const SKIP_LINK = /^(?:direkt )?(?:zum|zur|zu den) (?:haupt)?(?:inhalt|navigation|hauptnavigation|suche|seitenanfang|menü)|springen$|überspringen|^skip to|^jump to/i;

/**
 * Removes page furniture that floats over or before the content whatever the markup: dialogs
 * (`<dialog>`, `role="dialog"`, `aria-modal`), consent and cookie banners (by class, id or
 * accessible name), elements fixed to the viewport by their inline style, and skip links.
 * An element holding the page's main landmark or its h1 is never one of them: CMSs put
 * "cookie-banner-open" classes on the page wrapper.
 */
export function removeOverlays($: CheerioAPI): void {
  const labelOf = (id: string) => id.split(/\s+/).map((part) => $(`[id="${part.replace(/"/g, '')}"]`).text()).join(' ');
  $('body').find('dialog, [role], [aria-modal], [id], [class], [aria-label], [aria-labelledby], [style]').each((_, el) => {
    const $el = $(el);
    const role = $el.attr('role') ?? '';
    const overlay =
      el.tagName === 'dialog' || role === 'dialog' || role === 'alertdialog' || $el.attr('aria-modal') === 'true' ||
      OVERLAY_NAME.test(`${$el.attr('id') ?? ''} ${$el.attr('class') ?? ''}`) ||
      OVERLAY_LABEL.test(`${$el.attr('aria-label') ?? ''} ${labelOf($el.attr('aria-labelledby') ?? '')}`) ||
      FIXED.test($el.attr('style') ?? '');
    if (!overlay || $el.is('main, [role="main"]') || $el.find('main, [role="main"], h1').length > 0) return;
    $el.remove();
  });
  $('a[href^="#"]').filter((_, a) => SKIP_LINK.test($(a).text().replace(/\s+/g, ' ').trim())).remove();
}
