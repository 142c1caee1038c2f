import { htmlToText } from './html.js';

export interface FaqEntry {
  question: string;
  answer: string;
}

/**
 * Collects the visible question/answer pairs of an FAQ page: every <h3> is a question,
 * the markup following it up to the next <h2>/<h3> or </section> is its answer.
 */
export function extractFaqEntries(bodyHtml: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  const pattern = /<h3\b[^>]*>([\s\S]*?)<\/h3>([\s\S]*?)(?=<h[23]\b|<\/section>|$)/g;
  for (const match of bodyHtml.matchAll(pattern)) {
    const question = htmlToText(match[1]!);
    const answer = htmlToText(match[2]!);
    if (question && answer) entries.push({ question, answer });
  }
  return entries;
}

/** A schema.org FAQPage as a <script type="application/ld+json"> element. */
export function renderFaqJsonLd(entries: FaqEntry[], pageUrl: string, name: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    name,
    url: pageUrl,
    inLanguage: 'de',
    mainEntity: entries.map((entry) => ({
      '@type': 'Question',
      name: entry.question,
      acceptedAnswer: { '@type': 'Answer', text: entry.answer },
    })),
  };
  // Escape '<' so that no answer text can close the script element.
  const json = JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
  return `  <script type="application/ld+json">\n${json}\n  </script>`;
}
