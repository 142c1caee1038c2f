/** A message for a live region; a new `id` re-announces identical text. */
export interface Announcement {
  text: string;
  id: number;
}

/**
 * Visually hidden, polite status region. It is always rendered (empty at
 * first) because screen readers only announce changes to regions that
 * already exist. The keyed <span> is replaced on every announcement, so the
 * same text ("3 Treffer") is spoken again when it is announced again.
 */
export function LiveRegion({ message }: { message: Announcement }) {
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {message.text && <span key={message.id}>{message.text}</span>}
    </div>
  );
}
