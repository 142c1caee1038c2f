/**
 * CSS shared by everything in the shadow root. All widget CSS is applied through constructable
 * stylesheets (`adoptedStyleSheets`), which a strict CSP without `style-src 'unsafe-inline'`
 * allows (docs/security.md) and which the host page's CSS cannot reach.
 *
 * Theming: host pages set public custom properties on the host element, e.g.
 *   .auskunft-widget { --auskunft-accent: #00528a; --auskunft-font: "Bund Sans", sans-serif; }
 * or the `data-accent` / `data-font` attributes of the script tag. If you change the accent,
 * keep ≥ 4.5:1 contrast against white (the default #0b5394 has 7.6:1); the hover and
 * highlight shades are mixed from it.
 *
 * Text outside the widget's own surfaces (the search label) inherits the host page's colour,
 * so it fits a dark header as well as a white page. Sizes are in px on purpose: host pages
 * often shrink the root font-size (html { font-size: 62.5% }), which would make rem-based
 * text unreadable.
 */
export const baseCss = /* css */ `
:host {
  all: initial;
  display: block;
  color: inherit;
  --_accent: var(--auskunft-accent, #0b5394);
  --_accent-dark: var(--auskunft-accent-dark, color-mix(in srgb, var(--_accent) 75%, #000));
  --_accent-tint: var(--auskunft-accent-tint, color-mix(in srgb, var(--_accent) 10%, #fff));
  --_on-accent: var(--auskunft-on-accent, #fff);
  --_text: var(--auskunft-text, #1b1b1b);
  --_muted: var(--auskunft-muted, #4d4d4d);
  --_bg: var(--auskunft-bg, #fff);
  --_surface: var(--auskunft-surface, #f3f5f7);
  --_line: var(--auskunft-line, #d5d9de);
  --_field: var(--auskunft-field-border, #6b6b6b);
  --_mark: var(--auskunft-mark, #fff1a8);
  --_error: var(--auskunft-error, #a4001d);
  --_radius: var(--auskunft-radius, 6px);
  --_z: var(--auskunft-z-index, 2147483000);
}
/* A host page's rules reach the host element itself (a blanket "* { line-height: 3 }" beats
   :host), and every inherited property flows from there into the shadow tree. The widget's root
   sets each one anew, so only the theme's custom properties get in. Colour stays inherited here
   on purpose (the search label takes the page's colour); every surface sets its own. */
.aw {
  display: block;
  font: var(--auskunft-font-size, 16px)/1.5 var(--auskunft-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  font-feature-settings: normal;
  font-variation-settings: normal;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-align: start;
  text-indent: 0;
  text-shadow: none;
  direction: ltr;
  white-space: normal;
  word-break: normal;
  overflow-wrap: normal;
  hyphens: manual;
  cursor: auto;
  visibility: visible;
  list-style: disc outside;
  -webkit-text-fill-color: currentColor;
}
* { box-sizing: border-box; }
p, h2, h3, h4, ul, ol { margin: 0; }
[hidden] { display: none !important; }

.sr-only {
  position: absolute;
  width: 1px; height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

a { color: var(--_accent); text-underline-offset: 0.15em; }
a:hover { color: var(--_accent-dark); text-decoration-thickness: 2px; }

/* Browsers without :focus-visible keep their default focus ring. */
:focus:not(:focus-visible) { outline: none; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }

.icon { width: 22px; height: 22px; flex: none; fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }

/* Borders are transparent, not none: they show up in Windows high-contrast mode. */
.btn {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  min-height: 44px;
  min-width: 44px;
  padding: 8px 16px;
  font: inherit;
  font-weight: 600;
  line-height: 1.2;
  color: var(--_accent);
  background: var(--_bg);
  border: 2px solid transparent;
  border-radius: var(--_radius);
  cursor: pointer;
}
.primary { color: var(--_on-accent); background: var(--_accent); }
.primary:hover { background: var(--_accent-dark); }
.secondary { border-color: currentColor; }
.secondary:hover, .quiet:hover { background: var(--_surface); }
.input {
  min-width: 0;
  min-height: 44px;
  padding: 8px 12px;
  font: inherit;
  color: var(--_text);
  background: var(--_bg);
  border: 2px solid var(--_field);
  border-radius: var(--_radius);
}
mark { background: var(--_mark); color: inherit; font-weight: 600; }

@media (forced-colors: active) {
  .icon { stroke: CanvasText; }
  mark { forced-color-adjust: none; background: Mark; color: MarkText; }
}
`;
