import type { CrawlSettings } from '../config.js';
import type { SkippedUrl } from '../report.js';
import type { FrontierItem } from './frontier.js';
import { loadRobots, type RobotsRules } from './robots.js';
import { createScope, documentKind } from './scope.js';
import { createTrapDetector } from './traps.js';
import { createUrlFilter } from './url-patterns.js';

/**
 * What admission decides about a found URL: visit it, report it as skipped, or ignore it (not
 * ours: another site, a file type never indexed, or already known in this crawl).
 */
export type Admission = { admitted: FrontierItem } | { skipped: SkippedUrl } | null;

export interface Admitter {
  admit(url: string | null, depth: number, linkText: string, isStart?: boolean): Admission;
  /** robots.txt's refusal of a URL, or null; robots.txt is fetched once per origin. */
  robotsRefusal(url: string): Promise<string | null>;
  /** Why a redirect target must not be fetched, or null. */
  checkHop(url: string): Promise<string | null>;
  inScope(url: string): boolean;
  robotsFor(url: string): Promise<RobotsRules>;
}

/**
 * Decides which URLs the crawl visits: scope (origin and path of the start URLs), the
 * include/exclude patterns, crawler traps, depth, and "seen before" (`claim`, the frontier's
 * dedupe); robots.txt is asked separately because it needs a request.
 */
export function createAdmitter(startUrls: readonly string[], settings: CrawlSettings, claim: (url: string) => boolean): Admitter {
  const inScope = createScope(startUrls);
  const filtered = createUrlFilter(settings.include, settings.exclude);
  const isTrap = createTrapDetector(settings);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (url: string) => {
    const origin = new URL(url).origin;
    let rules = robotsByOrigin.get(origin);
    if (!rules) robotsByOrigin.set(origin, (rules = loadRobots(origin, settings.userAgent, settings.timeoutMs)));
    return rules;
  };
  const robotsRefusal = async (url: string) => {
    if (!settings.respectRobots) return null;
    const robots = await robotsFor(url);
    return robots.isAllowed(url) ? null : robots.refusal;
  };
  return {
    inScope,
    robotsFor,
    robotsRefusal,
    checkHop: async (url) => (!inScope(url) ? 'out of scope' : ((await robotsRefusal(url)) ?? filtered(url))),
    admit(url, depth, linkText, isStart = false) {
      if (!url || !inScope(url)) return null;
      const kind = documentKind(url);
      // Start URLs are fetched whatever their file name says; the response's type decides.
      if (!isStart && (kind === 'other' || (kind === 'pdf' && !settings.pdfs))) return null;
      if (!claim(url)) return null;
      const excluded = filtered(url);
      if (isStart) return { admitted: { url, depth, linkText, ...(excluded ? { linksOnly: true } : {}) } };
      if (excluded) return { skipped: { url, reason: excluded, category: 'excluded' } };
      const trap = isTrap(url);
      if (trap) return { skipped: { url, reason: trap, category: 'trap' } };
      if (settings.maxDepth > 0 && depth > settings.maxDepth) {
        return { skipped: { url, reason: `more than ${settings.maxDepth} links away from the start (crawl.maxDepth)`, category: 'depth' } };
      }
      return { admitted: { url, depth, linkText } };
    },
  };
}
