/** The chat launcher: a fixed button in a corner (data-position="left" moves it). */
export const launcherCss = /* css */ `
.launcher {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: var(--_z);
  min-height: 48px;
  max-width: calc(100vw - 32px);
  padding: 10px 20px 10px 16px;
  border-radius: 24px;
  box-shadow: 0 2px 6px #0004, 0 6px 16px #0002;
}
:host([data-position="left"]) .launcher { right: auto; left: 16px; }
.launcher:focus-visible { outline-offset: 3px; }
.launcher[aria-busy="true"] { cursor: progress; }

/* Phones: a round icon launcher covers less of the page; its text stays as accessible name. */
@media (max-width: 480px) {
  .launcher { width: 56px; height: 56px; padding: 0; border-radius: 50%; }
  .launcher .icon { width: 26px; height: 26px; }
  .launcher span { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
}
`;
