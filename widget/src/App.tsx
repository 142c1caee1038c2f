import { useErrorBoundary, useState } from 'preact/hooks';
import type { Api } from './api';
import { Chat } from './chat/Chat';
import type { WidgetConfig } from './config';
import type { Strings } from './i18n';
import { logError } from './log';
import { Search } from './search/Search';

interface Props {
  config: WidgetConfig;
  strings: Strings;
  api: Api;
}

/**
 * Chooses the parts to show (`data-mode`) and owns the little state they
 * share: whether the chat is open and the draft question, so a search can be
 * handed over to the assistant.
 */
export function App({ config, strings, api }: Props) {
  // A rendering bug must not leave a broken UI or an uncaught error on the host page.
  const [error] = useErrorBoundary((err: unknown) => logError('render error', err));
  const [chatOpen, setChatOpen] = useState(false);
  const [draft, setDraft] = useState('');

  if (error) return null;

  const showSearch = config.mode !== 'chat';
  const showChat = config.mode !== 'search';

  const askAssistant = (query: string): void => {
    setDraft(query);
    setChatOpen(true);
  };

  return (
    <div class="aw">
      {showSearch && <Search api={api} apiBase={config.api} strings={strings} onAskAssistant={showChat ? askAssistant : undefined} />}
      {showChat && (
        <Chat
          api={api}
          apiBase={config.api}
          strings={strings}
          open={chatOpen}
          onOpenChange={setChatOpen}
          draft={draft}
          onDraftChange={setDraft}
        />
      )}
    </div>
  );
}
