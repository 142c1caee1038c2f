import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the client caused or should know about. It knows its JSON response, so every route
 * answers failures in one shape: `{"error": {"code", "message"}}`, with the message in German
 * because the widget shows it to citizens as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toResponse(c: Context): Response {
    return c.json({ error: { code: this.code, message: this.message } }, this.status);
  }
}
