import { InferenceClient } from '@huggingface/inference';
import type { ChatMessage } from './prompt.js';

/** A chat model that streams text. */
export interface ChatGenerator {
  readonly model: string;
  stream(messages: ChatMessage[], signal: AbortSignal): AsyncIterable<string>;
}

export interface HfChatGeneratorOptions {
  model: string;
  /** OpenAI-compatible server of the authority's own (TGI, vLLM …); `/v1/chat/completions` is appended by the client. */
  endpointUrl?: string;
  accessToken?: string;
  provider?: string;
  maxTokens: number;
  fetch?: typeof fetch;
}

/**
 * Streams chat completions through `@huggingface/inference` (`chatCompletionStream`): a hosted
 * model on Hugging Face, or the authority's own endpoint. Temperature is low because the task
 * is restating sources, not writing.
 */
export function createHfChatGenerator(options: HfChatGeneratorOptions): ChatGenerator {
  const client = new InferenceClient(options.accessToken, {
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry_on_error: false,
  });
  return {
    model: options.model,
    async *stream(messages, signal) {
      const stream = client.chatCompletionStream(
        {
          model: options.model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          max_tokens: options.maxTokens,
          temperature: 0.1,
          ...(options.provider && !options.endpointUrl ? { provider: options.provider as 'hf-inference' } : {}),
        },
        { signal },
      );
      for await (const chunk of stream) {
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) yield text;
      }
    },
  };
}
