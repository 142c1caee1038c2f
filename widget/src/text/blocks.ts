/**
 * Splits an answer into paragraphs and lists: the server marks list items and table rows with
 * "• " at the start of a line (see the crawler's extraction), and a list read out as a list
 * ("Liste, 3 Einträge") is easier to follow with a screen reader than bullets in running text.
 */
export type AnswerBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const ITEM = /^•\s*/;

export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const last = blocks[blocks.length - 1];
    if (ITEM.test(line)) {
      const item = line.replace(ITEM, '');
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (last?.kind === 'paragraph') last.text += `\n${line}`;
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}
