/**
 * Entry of the chat chunk (vite.chat.config.ts): what widget.js gets from `import()`.
 * See contract.ts; the shape is checked against ChatModule at compile time.
 */
import type { ChatModule } from './contract';
import { installPreact } from '../lazy/preact-bridge';
import { chatCss } from '../styles/chat';
import { ChatRoot } from './ChatRoot';

export { installPreact, ChatRoot, chatCss };

// Compile-time check only: fails when the exports drift from the contract.
({ installPreact, ChatRoot, chatCss }) satisfies ChatModule;
