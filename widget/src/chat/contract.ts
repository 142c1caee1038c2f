/**
 * What widget.js and the lazily loaded chat chunk know of each other (types only, so nothing
 * here ends up in either bundle twice).
 */
import type { FunctionComponent } from 'preact';
import type { Announcer } from '../announcer';
import type { WidgetConfig } from '../config';
import type { PreactRuntime } from '../lazy/preact-runtime';

export interface ChatRootProps {
  config: WidgetConfig;
  announcer: Announcer;
  /** The dialog is shown while true; the conversation is kept while false. */
  open: boolean;
  /** Text for the question box, e.g. a search handed over to the assistant. */
  draft: string;
  onDraftChange: (text: string) => void;
  /** The person closed the dialog (Escape, close button); widget.js returns focus. */
  onClose: () => void;
}

/** The exports of chat/entry.ts. */
export interface ChatModule {
  installPreact(runtime: PreactRuntime): void;
  ChatRoot: FunctionComponent<ChatRootProps>;
  chatCss: string;
}
