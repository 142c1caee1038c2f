import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Reads a whole SSE response into its events (event name + parsed JSON data). */
export async function readSseEvents(response: Response): Promise<Array<{ event: string; data: any }>> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(await response.text());
  return events.map((e) => ({ event: e.event ?? 'message', data: JSON.parse(e.data) }));
}
