import { de } from './de';
import { en } from './en';
import type { Strings } from './types';

export type { Strings };
export type Lang = 'de' | 'en';

export const STRINGS: Record<Lang, Strings> = { de, en };
