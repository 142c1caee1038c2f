import { dedupeKey } from '../url.js';

export interface FrontierItem {
  url: string;
  /** Clicks from a start URL or sitemap entry. */
  depth: number;
  /** Text of the first link found to this URL (a PDF's title of last resort). */
  linkText: string;
  /** A start URL outside the include patterns: fetched for its links, not indexed. */
  linksOnly?: boolean;
}

/**
 * The URLs still to visit, first in first out (breadth-first: hub pages near the start come
 * before deep archives, so a page limit keeps the important pages), and every URL ever admitted,
 * so no URL is fetched twice in one crawl.
 */
export class Frontier {
  private readonly seen = new Set<string>();
  private queue: FrontierItem[] = [];
  private head = 0;
  private waiting: Array<() => void> = [];

  /** Marks a URL as known; false if it already was. */
  claim(url: string): boolean {
    const key = dedupeKey(url);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  push(item: FrontierItem): void {
    this.queue.push(item);
    this.wake();
  }

  next(): FrontierItem | undefined {
    const item = this.queue[this.head];
    if (item === undefined) return undefined;
    this.head++;
    // Drop consumed entries now and then, so a crawl of 100,000 URLs does not keep them all.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  get size(): number {
    return this.queue.length - this.head;
  }

  /** Everything still queued, emptying the queue (for the report when a limit ends the crawl). */
  drain(): FrontierItem[] {
    const rest = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    return rest;
  }

  /** Resolves when a URL is pushed or `wake()` is called (a worker finished). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
