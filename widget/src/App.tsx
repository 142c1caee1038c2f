import { useErrorBoundary, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Announcer } from './announcer';
import type { Search as SearchApi } from './api/search';
import type { ChatModule } from './chat/contract';
import type { WidgetConfig } from './config';
import type { Strings } from './i18n';
import { Launcher } from './launcher/Launcher';
import { logError } from './log';
import { Search } from './search/Search';

interface Props {
  config: WidgetConfig;
  strings: Strings;
  announcer: Announcer;
  search: SearchApi;
  loadChat: () => Promise<ChatModule>;
  launcherRef: { current: HTMLButtonElement | null };
}

/**
 * Chooses the parts to show (`data-mode`) and owns the little state they share: whether the
 * chat is open, the chat code once loaded, and the draft question, so a search can be handed
 * over to the assistant (the question carries over, WCAG 2.2 3.3.7).
 */
export function App({ config, strings, announcer, search, loadChat, launcherRef }: Props) {
  // A rendering bug must not leave a broken UI or an uncaught error on the host page.
  const [error] = useErrorBoundary((err: unknown) => logError('render error', err));
  const [chat, setChat] = useState<ChatModule | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [draft, setDraft] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  // Focus returns to whatever opened the dialog, once the dialog (and the page's inertness)
  // is gone, so keyboard users continue where they were (docs/accessibility.md, WCAG 2.4.3).
  useLayoutEffect(() => {
    if (wasOpen.current && !open) (opener.current ?? launcherRef.current)?.focus();
    wasOpen.current = open;
  }, [open]);

  if (error) return null;

  const preload = (): void => void loadChat().catch(() => {});

  const openChat = async (from: HTMLElement | null): Promise<void> => {
    opener.current = from;
    if (chat) return setOpen(true);
    setLoading(true);
    // Said only if loading takes long enough to notice.
    const slow = setTimeout(() => announcer.polite(strings.chatLoading), 500);
    try {
      setChat(await loadChat());
      setOpen(true);
    } catch (err) {
      logError('the chat code could not be loaded', err);
      announcer.assertive(strings.chatLoadFailed);
    } finally {
      clearTimeout(slow);
      setLoading(false);
    }
  };

  const showChat = config.mode !== 'search';
  const ChatRoot = chat?.ChatRoot;
  return (
    <div class="aw">
      {config.mode !== 'chat' && (
        <Search
          config={config}
          search={search}
          strings={strings}
          announcer={announcer}
          onAskAssistant={
            showChat
              ? (query, from) => {
                  setDraft(query);
                  void openChat(from);
                }
              : undefined
          }
          onPreloadAssistant={showChat ? preload : undefined}
        />
      )}
      {showChat && (
        <Launcher
          buttonRef={launcherRef}
          strings={strings}
          loading={loading}
          hidden={open}
          onOpen={() => void openChat(launcherRef.current)}
          onPreload={preload}
        />
      )}
      {ChatRoot && (
        <ChatRoot config={config} announcer={announcer} open={open} draft={draft} onDraftChange={setDraft} onClose={() => setOpen(false)} />
      )}
    </div>
  );
}
