import type { FeedbackRequestWire } from '@auskunft/core/api';
import type { Request } from './request';

/** Body of POST /api/feedback; `sources` are the cited URLs. */
export type FeedbackBody = FeedbackRequestWire & { sources: string[] };

export type SendFeedback = (body: FeedbackBody) => Promise<void>;

/** Resolves on 2xx (the server answers 204), rejects with an ApiError otherwise. */
export function createSendFeedback(request: Request): SendFeedback {
  return async (body) => {
    await request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };
}
