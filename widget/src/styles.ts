/**
 * All widget CSS. Applied through a constructable stylesheet
 * (`adoptedStyleSheets`) inside the Shadow DOM, which strict CSPs without
 * `style-src 'unsafe-inline'` allow, and which the host page's CSS cannot reach.
 *
 * Theming: host pages set public custom properties on the host element, e.g.
 *   .auskunft-widget { --auskunft-accent: #00528a; --auskunft-font: "Bund Sans", sans-serif; }
 * Each has a default here. If you change the accent, keep ≥ 4.5:1 contrast
 * against white (the default #0b5394 has 7.6:1).
 *
 * Sizes are in px on purpose: host pages often shrink the root font-size
 * (html { font-size: 62.5% }), which would make rem-based text unreadable.
 */
export const css = /* css */ `
:host {
  all: initial;
  display: block;
  --_accent: var(--auskunft-accent, #0b5394);
  --_accent-dark: var(--auskunft-accent-dark, #083d6e);
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
  font: var(--auskunft-font-size, 16px)/1.5 var(--auskunft-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  color: var(--_text);
}
* { box-sizing: border-box; }
p, h2, h3, h4, ul, ol { margin: 0; }

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
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

.icon { width: 22px; height: 22px; flex: none; fill: currentColor; }
.icon-btn .icon { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }

/* ---------- form controls ---------- */

.label { display: block; font-weight: 600; }
.hint, .note, .status, .empty, .pending, .msg-label, .result-section { color: var(--_muted); }
.hint, .note, .result-section, .notice, .msg-label, .sources h4 { font-size: 0.875em; }
.row { display: flex; gap: 8px; margin-top: 8px; }
.input {
  flex: 1;
  min-width: 0;
  min-height: 48px;
  padding: 10px 12px;
  font: inherit;
  color: inherit;
  background: var(--_bg);
  border: 1px solid var(--_field);
  border-radius: var(--_radius);
}
.input:focus-visible { outline-offset: 0; }
.textarea { resize: vertical; max-height: 160px; line-height: 1.4; }

/* Borders are transparent, not none: they show up in Windows high-contrast mode. */
.btn, .launcher, .icon-btn {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  min-height: 44px;
  min-width: 44px;
  padding: 8px 18px;
  font: inherit;
  font-weight: 600;
  line-height: 1.2;
  color: var(--_accent);
  background: var(--_bg);
  border: 2px solid transparent;
  border-radius: var(--_radius);
  cursor: pointer;
}
.primary, .launcher { color: var(--_on-accent); background: var(--_accent); }
.primary:hover, .launcher:hover { background: var(--_accent-dark); }
.secondary { border-color: currentColor; }
.quiet { padding: 8px 10px; font-size: 0.875em; text-decoration: underline; white-space: nowrap; }
.secondary:hover, .quiet:hover, .icon-btn:hover { background: var(--_surface); }
.icon-btn { padding: 0; color: var(--_text); }

.status, .error { margin-top: 12px; }
.error { padding: 8px 12px; color: var(--_error); border-left: 4px solid; }
.note { margin-top: 8px; }

/* ---------- search ---------- */

.search { max-width: 48em; }
.results { list-style: none; padding: 0; margin-top: 8px; }
.result { padding: 14px 0; border-bottom: 1px solid var(--_line); }
.result:first-child { border-top: 1px solid var(--_line); }
.result-title { font-size: 1.125em; font-weight: 600; line-height: 1.35; }
.result-section { margin-top: 2px; }
.snippet { margin-top: 6px; }
.result, .msg-text, .sources li { overflow-wrap: anywhere; }
mark { background: var(--_mark); color: inherit; font-weight: 600; }
.handoff { margin-top: 16px; }

/* ---------- chat ---------- */

.launcher, .panel { position: fixed; right: 16px; z-index: var(--_z); }
.launcher {
  bottom: 16px;
  min-height: 48px;
  max-width: calc(100vw - 32px);
  padding: 10px 20px 10px 16px;
  border-radius: 24px;
  box-shadow: 0 2px 6px #0004, 0 6px 16px #0002;
}
.launcher:focus-visible { outline-width: 3px; }

.panel {
  bottom: 80px;
  display: flex;
  flex-direction: column;
  width: min(420px, 100vw - 32px);
  height: min(640px, 100vh - 104px);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: 10px;
  box-shadow: 0 4px 12px #0003, 0 16px 40px #0003;
  overflow: hidden;
}
.panel-header { display: flex; align-items: center; gap: 4px; padding: 6px 6px 6px 16px; }
.panel-title { flex: 1; font-size: 1.125em; }
.notice { padding: 10px 16px; line-height: 1.45; background: var(--_surface); }
.notice p + p { margin-top: 4px; font-weight: 600; }
.panel-header, .notice { border-bottom: 1px solid var(--_line); }

.transcript { flex: 1; min-height: 96px; overflow-y: auto; padding: 12px 16px; }
.transcript:focus-visible { outline-offset: -3px; }
.turn + .turn { margin-top: 20px; }
.msg-label { font-weight: 700; }
.msg-text { white-space: pre-line; }
.msg-user { margin-left: 32px; padding: 8px 12px; background: var(--_surface); border-radius: var(--_radius); }
.msg-answer { margin-top: 12px; padding-left: 12px; border-left: 3px solid var(--_accent); }
.cite { font-weight: 600; text-decoration: none; }
.sources { margin-top: 10px; }
.sources ol { padding-left: 1.5em; }
.sources li { padding: 3px 0; }
.cursor { display: inline-block; width: 0.5em; height: 1em; margin-left: 2px; vertical-align: text-bottom; background: currentColor; opacity: 0.4; }

.composer { padding: 10px 16px 14px; border-top: 1px solid var(--_line); }
.composer .label { font-size: 0.875em; }
.composer .row { margin-top: 4px; align-items: flex-end; }

/* Phones and short screens: the panel takes the whole viewport. */
@media (max-width: 520px), (max-height: 560px) {
  .panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
}
/* Phones: a round icon launcher covers less of the page; its text stays as accessible name. */
@media (max-width: 480px) {
  .launcher { width: 56px; height: 56px; padding: 0; border-radius: 50%; }
  .launcher .icon { width: 26px; height: 26px; }
  .launcher span { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
}

/* Motion only for people who have not asked for less. */
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: aw-in 0.16s ease-out; }
  .cursor { animation: aw-blink 1s steps(2, start) infinite; }
}
@keyframes aw-in { from { opacity: 0; transform: translateY(8px); } }
@keyframes aw-blink { to { visibility: hidden; } }
`;
