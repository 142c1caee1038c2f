/**
 * The chat dialog (shipped in the chat chunk, adopted into the shadow root when it loads).
 * Desktop: a panel above the launcher. Phones and short windows (400 % zoom): the whole
 * viewport, and in short windows the panel scrolls as one, so the question box never covers
 * the conversation (reflow, WCAG 1.4.10).
 */
export const chatCss = /* css */ `
.panel {
  position: fixed;
  inset: auto 16px 80px auto;
  display: flex;
  flex-direction: column;
  width: min(440px, 100vw - 32px);
  height: min(680px, 100vh - 104px);
  max-width: none;
  max-height: none;
  margin: 0;
  padding: 0;
  color: var(--_text);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: 10px;
  box-shadow: 0 4px 12px #0003, 0 16px 40px #0003;
  overflow: hidden;
}
:host([data-position="left"]) .panel { inset: auto auto 80px 16px; }
.panel::backdrop { background: #0006; }
.panel-header { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; align-items: center; gap: 0 4px; padding: 4px 8px 10px 16px; border-bottom: 1px solid var(--_line); }
.panel-title { font-size: 1.125em; line-height: 1.3; }
.ai-note { grid-column: 1 / -1; display: flex; align-items: center; gap: 6px; color: var(--_muted); font-size: 0.875em; }
.tag { display: inline-block; margin-left: 8px; padding: 0 6px; color: var(--_muted); font-size: 0.929em; font-weight: 600; border: 1px solid currentColor; border-radius: 4px; vertical-align: 2px; }
.ai-note .tag { margin: 0; }
.tag-ai { color: var(--_accent); }
.quiet { min-height: 44px; padding: 6px 10px; font-size: 0.875em; text-decoration: underline; }
.quiet .icon { width: 18px; height: 18px; }
.icon-btn { padding: 0; color: var(--_text); }
.icon-btn:hover { background: var(--_surface); }
.icon-btn[aria-pressed="true"] { color: var(--_on-accent); background: var(--_accent); }

.transcript { flex: 1; min-height: 96px; overflow-y: auto; padding: 12px 16px; }
.transcript:focus-visible { outline-offset: -3px; }
.notice { padding: 10px 12px; line-height: 1.45; font-size: 0.9375em; background: var(--_surface); border-radius: var(--_radius); }
.notice-privacy { margin-top: 6px; font-weight: 600; }
.empty, .pending, .note, .msg-label { color: var(--_muted); }
.empty { margin-top: 12px; }
.turn { margin-top: 20px; }
.msg-label { font-size: 0.875em; font-weight: 700; }
.msg-text { white-space: pre-line; overflow-wrap: anywhere; }
.msg-text > p { margin: 0 0 0.5em; }
.answer-list { margin: 0 0 0.5em; padding-left: 1.25em; }
.answer-list li { margin: 0.15em 0; }
.msg-user { margin-left: 32px; padding: 8px 12px; background: var(--_surface); border-radius: var(--_radius); }
.msg-answer { margin-top: 12px; padding-left: 12px; border-left: 3px solid var(--_accent); }
.msg-answer .note { font-size: 0.875em; }
.cite { font-weight: 600; padding: 0 1px; }
.sources { margin-top: 10px; }
.sources h4, .easy-text h4 { font-size: 0.875em; }
.sources ol { padding-left: 1.75em; }
.sources li { padding: 3px 0; overflow-wrap: anywhere; }
.source-snippet { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; color: var(--_muted); font-size: 0.875em; }
.easy { margin-top: 8px; }
.easy .quiet { padding-left: 0; }
.easy-text { margin-top: 4px; padding: 8px 12px; background: var(--_surface); border-radius: var(--_radius); }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; margin-top: 8px; }
.actions .quiet { padding-left: 0; }
.feedback-row { display: flex; align-items: center; gap: 4px; color: var(--_muted); font-size: 0.875em; }
.feedback-row span { margin-right: 4px; }
.feedback-form { display: grid; gap: 6px; margin-top: 6px; }
.feedback-form .label { font-size: 0.875em; font-weight: 600; }
.feedback-form .btn { justify-self: start; }
.feedback .note { margin-top: 4px; }
.soft-error { color: var(--_error); }
.error { margin-top: 8px; padding: 6px 10px; color: var(--_error); border-left: 4px solid; }
.msg-answer .secondary { margin-top: 8px; }
.cursor { display: inline-block; width: 0.5em; height: 1em; margin-left: 2px; vertical-align: text-bottom; background: currentColor; opacity: 0.4; }

.handoff { padding: 8px 16px; font-size: 0.9375em; background: var(--_surface); border-top: 1px solid var(--_line); }
.handoff p, .handoff summary { display: flex; align-items: center; gap: 8px; }
.handoff summary { min-height: 32px; cursor: pointer; list-style: none; }
.handoff summary::-webkit-details-marker { display: none; }
.handoff summary strong { color: var(--_accent); text-decoration: underline; text-underline-offset: 0.15em; }
.handoff summary::after { content: ""; flex: none; width: 8px; height: 8px; margin: 0 4px 4px auto; border: solid currentColor; border-width: 0 2px 2px 0; transform: rotate(45deg); }
.handoff [open] > summary::after { margin-top: 6px; transform: rotate(-135deg); }
.handoff .contact { max-height: 40vh; margin: 4px 0 2px 30px; overflow-y: auto; }
.contact-box { margin-top: 10px; padding: 8px 12px; background: var(--_surface); border-radius: var(--_radius); }
.contact-name { font-weight: 700; }
.contact dl { display: grid; gap: 2px; margin: 4px 0; }
.contact dl div { display: flex; flex-wrap: wrap; gap: 0 6px; }
.contact dt { color: var(--_muted); }
.contact dt::after { content: ":"; }
.contact dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
.contact a { display: inline-block; min-height: 24px; padding: 2px 0; }
.composer { padding: 10px 16px 8px; border-top: 1px solid var(--_line); }
.composer .label { font-size: 0.875em; font-weight: 600; }
.row { display: flex; gap: 8px; margin-top: 4px; align-items: flex-end; }
.textarea { flex: 1; resize: vertical; max-height: 160px; line-height: 1.4; }
.check { display: flex; align-items: center; gap: 8px; min-height: 32px; margin-top: 4px; font-size: 0.875em; }
.check input { flex: none; width: 24px; height: 24px; margin: 0; accent-color: var(--_accent); }
.panel-links ul { display: flex; flex-wrap: wrap; gap: 0 16px; margin: 0; padding: 4px 16px 10px; list-style: none; font-size: 0.875em; }
.panel-links a { display: inline-block; padding: 2px 0; min-height: 24px; }

/* Phones and short windows: the panel takes the whole viewport. */
@media (max-width: 520px), (max-height: 560px) {
  .panel, :host([data-position="left"]) .panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
}
/* Short windows (e.g. 400 % zoom): one scrolling column instead of a squeezed transcript. */
@media (max-height: 560px) {
  .panel { overflow-y: auto; }
  .transcript { flex: none; overflow: visible; }
}

/* Motion only for people who have not asked for less. */
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: aw-in 0.16s ease-out; }
  .cursor { animation: aw-blink 1s steps(2, start) infinite; }
}
@keyframes aw-in { from { opacity: 0; transform: translateY(8px); } }
@keyframes aw-blink { to { visibility: hidden; } }
`;
