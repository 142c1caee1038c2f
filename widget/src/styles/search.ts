/**
 * The search box and its popup (combobox + listbox). The popup overlays the page below the
 * input, so the widget fits a page header; Search.tsx keeps it inside the viewport: it shows
 * only as many results as fit, then "show all", so moving the highlight never scrolls the host
 * page. It has no scrollbar of its own: a scrolling popup would need to be focusable (it must
 * not be: Tab leaves the combobox, docs/accessibility.md). It lies above the chat launcher, which would otherwise cover the last results.
 */
export const searchCss = /* css */ `
.search { position: relative; width: var(--auskunft-search-width, 20em); max-width: calc(100vw - 32px); }
.label { display: block; margin-bottom: 4px; font-weight: 600; }
.field { display: flex; }
.field .input { flex: 1; border-right: 0; border-radius: var(--_radius) 0 0 var(--_radius); }
.field .input:focus-visible { outline-offset: 0; }
.search-btn { padding: 0 10px; border: 2px solid var(--_field); border-left: 0; border-radius: 0 var(--_radius) var(--_radius) 0; }
.search-btn:hover { background: var(--_surface); }
.search-btn:focus-visible { outline-offset: 0; }

.popup {
  position: absolute;
  top: calc(100% + 4px);
  left: 0;
  z-index: calc(var(--_z) + 1);
  width: max(100%, min(34em, 100vw - 16px));
  color: var(--_text);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  box-shadow: 0 4px 12px #0003, 0 12px 32px #0002;
}
.popup-status { padding: 10px 14px; color: var(--_muted); font-size: 0.875em; }
.popup-status strong { display: block; color: var(--_text); font-size: 1.143em; }
.popup-error { color: var(--_error); }
.option {
  display: block;
  padding: 10px 14px;
  color: var(--_text);
  text-decoration: none;
  border-top: 1px solid var(--_line);
  overflow-wrap: anywhere;
  cursor: pointer;
}
.option:hover { background: var(--_surface); }
.option[aria-selected="true"] { background: var(--_accent-tint); outline: 3px solid var(--_accent); outline-offset: -3px; }
.opt-title { display: block; color: var(--_accent); font-weight: 600; text-decoration: underline; text-underline-offset: 0.15em; }
.opt-section { display: block; color: var(--_muted); font-size: 0.875em; }
.opt-snippet { display: block; margin-top: 4px; font-size: 0.9375em; }
.opt-action { display: flex; align-items: center; gap: 10px; color: var(--_accent); font-weight: 600; }

/* In the popup a snippet is a hint of two lines; the full results view shows it whole. */
.popup .opt-snippet { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }

/* The full results view: a modal dialog in the top layer, the whole window on phones. */
.results {
  position: fixed;
  inset: 24px 16px auto;
  width: min(760px, 100vw - 32px);
  max-width: none;
  max-height: calc(100vh - 48px);
  margin: 0 auto;
  padding: 0 0 16px;
  color: var(--_text);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: 10px;
  box-shadow: 0 4px 12px #0003, 0 16px 40px #0003;
  overflow-y: auto;
}
.results::backdrop { background: #0006; }
.results-head { position: sticky; top: 0; display: flex; align-items: flex-start; gap: 8px; padding: 8px 8px 8px 16px; background: var(--_bg); border-bottom: 1px solid var(--_line); }
.results-head h2 { flex: 1; padding-top: 8px; font-size: 1.125em; line-height: 1.3; }
.results-head .popup-status { display: block; padding: 2px 0 0; font-weight: 400; }
.results-head .btn { padding: 0; color: var(--_text); }
.results ol { margin: 0; padding: 0; list-style: none; }
.results .option:hover { background: var(--_surface); }
.results .option:focus-visible { outline-offset: -3px; }
.results .secondary { margin: 16px 16px 0; text-align: start; }
@media (max-width: 520px), (max-height: 560px) {
  .results { inset: 0; width: auto; max-height: none; height: auto; border: 0; border-radius: 0; }
}

@media (forced-colors: active) {
  .option[aria-selected="true"] { outline-color: Highlight; }
}
`;
