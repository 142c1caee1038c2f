import { useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import type { ChatStrings } from './i18n';
import { CopyIcon } from './icons';

/**
 * Copies the answer as plain text with its numbered sources. The button keeps its place and
 * says "kopiert" for a moment; the announcer tells screen-reader users.
 */
export function CopyButton({ text, strings, announcer }: { text: string; strings: ChatStrings; announcer: Announcer }) {
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      // Fails where the host's Permissions-Policy or an insecure origin forbids it.
      await navigator.clipboard.writeText(text);
      setCopied(true);
      announcer.polite(strings.copied);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      announcer.assertive(strings.copyFailed);
    }
  };
  return (
    <button type="button" class="btn quiet" onClick={() => void copy()}>
      <CopyIcon />
      <span>{copied ? strings.copied : strings.copy}</span>
    </button>
  );
}
