import { AuskunftError } from '@auskunft/core';
import type { ServerSettings } from '../config.js';
import { createHfChatGenerator, type ChatGenerator } from './generate-llm.js';

/** The configured chat model, or undefined for extractive answers (the default: no model). */
export function createGeneratorFromSettings(s: ServerSettings): ChatGenerator | undefined {
  if (s.generator === 'extractive') return undefined;
  if (s.generator !== 'hf-inference') {
    throw new AuskunftError('CONFIG_INVALID', `Unknown chat generator "${s.generator}": use "extractive" or "hf-inference" (AUSKUNFT_CHAT_GENERATOR or "chat.generator").`);
  }
  if (!s.llmModel) {
    throw new AuskunftError('CONFIG_INVALID', 'The hf-inference generator needs a model id: set AUSKUNFT_LLM_MODEL or "llm.model" in auskunft.config.json.');
  }
  return createHfChatGenerator({
    model: s.llmModel,
    maxTokens: s.llmMaxTokens,
    ...(s.llmEndpointUrl ? { endpointUrl: s.llmEndpointUrl } : {}),
    ...(s.llmToken ? { accessToken: s.llmToken } : {}),
    ...(s.llmProvider ? { provider: s.llmProvider } : {}),
  });
}
