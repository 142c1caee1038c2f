/**
 * Turns the small Markdown editors write in FAQ answers into the plain text passages hold:
 * paragraphs become lines, list items their own lines, emphasis markers go, and links keep their
 * target in brackets ("Merkblatt (https://…/merkblatt.pdf)") so a verbatim FAQ answer still tells
 * the reader where to go. Relative link targets resolve against `baseUrl`. `keepLineBreaks` is
 * for Leichte Sprache, where every sentence stands on its own line by rule. Written by hand
 * because a Markdown library would render HTML, which would then have to be stripped again.
 */
export function markdownToText(markdown: string, baseUrl: string, options: { keepLineBreaks?: boolean } = {}): string {
  const lines: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) lines.push(...(options.keepLineBreaks ? paragraph : [paragraph.join(' ')]));
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const block = /^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)(.*)$/.exec(line);
    if (block) {
      flush();
      lines.push(inline(block[2]!, baseUrl));
    } else {
      paragraph.push(inline(line, baseUrl));
    }
  }
  flush();
  return lines.filter(Boolean).join('\n');
}

function inline(text: string, baseUrl: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, href: string) => `${label} (${resolve(href, baseUrl)})`)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

function resolve(href: string, baseUrl: string): string {
  if (/^(mailto|tel):/i.test(href)) return href.replace(/^(mailto|tel):/i, '');
  try {
    return new URL(href, baseUrl).toString();
  } catch {
    return href;
  }
}
