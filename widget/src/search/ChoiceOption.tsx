import type { Strings } from '../i18n';
import { ChatIcon, SearchIcon } from '../ui/icons';
import type { Choice } from './choices';
import { Snippet } from './Snippet';

interface Props {
  id: string;
  choice: Choice;
  active: boolean;
  strings: Strings;
  onChoose: (choice: Choice) => void;
}

/**
 * One `role="option"`. Results are real links (`<a role="option">`, allowed by ARIA in HTML),
 * so mouse users keep "open in new tab"; options are never in the Tab order (Tab leaves the combobox), and a
 * press on one keeps DOM focus in the input (docs/accessibility.md, Search). The name comes from the content (title, section,
 * snippet): a name that leaves out visible text breaks speech control ("click …") and fails
 * WCAG 2.5.3 Label in Name, which is what an aria-labelledby of title and section did.
 */
export function ChoiceOption({ id, choice, active, strings, onChoose }: Props) {
  const common = {
    id,
    role: 'option' as const,
    class: choice.kind === 'result' ? 'option' : 'option opt-action',
    'aria-selected': active ? ('true' as const) : undefined,
    onMouseDown: (e: MouseEvent) => e.preventDefault(),
  };
  if (choice.kind === 'result') {
    const { result, href } = choice;
    return (
      <a
        {...common}
        href={href}
        tabIndex={-1}
      >
        <span class="opt-title">{result.title}</span>
        {result.section && <span class="opt-section">{result.section}</span>}
        {result.snippet && <Snippet text={result.snippet} highlights={result.highlights} />}
      </a>
    );
  }
  return (
    <div {...common} onClick={() => onChoose(choice)}>
      {choice.kind === 'assistant' ? <ChatIcon /> : <SearchIcon />}
      <span>
        {choice.kind === 'assistant' ? strings.askAssistant(choice.query) : choice.kind === 'all' ? strings.showAll(choice.count) : strings.suggestion(choice.term)}
      </span>
    </div>
  );
}
