import type { Lang } from '../../i18n';
import { de } from './de';
import { en } from './en';
import type { ChatStrings } from './types';

export type { ChatStrings };

export const CHAT_STRINGS: Record<Lang, ChatStrings> = { de, en };
