import { z } from 'zod';
import { ApiError } from './api-error.js';
import { isUtf8Json } from './json-content-type.js';

/** Checks a search query or chat message; `maxChars` 0 means no length limit. */
export function requireText(value: string | undefined, field: string, maxChars: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw new ApiError(400, 'QUERY_MISSING', `Bitte geben Sie einen Suchbegriff oder eine Frage ein (Feld „${field}“ fehlt oder ist leer).`);
  if (maxChars > 0 && text.length > maxChars) {
    throw new ApiError(400, 'QUERY_TOO_LONG', `Die Eingabe ist zu lang (${text.length} Zeichen). Erlaubt sind höchstens ${maxChars} Zeichen.`);
  }
  return text;
}

export const chatRequestSchema = z.object({
  message: z.string({ error: 'Das Feld „message“ muss Text enthalten.' }),
  history: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant'], { error: 'Jeder Eintrag in „history“ braucht role „user“ oder „assistant“.' }),
        content: z.string({ error: 'Jeder Eintrag in „history“ braucht Text in „content“.' }),
      }),
      { error: 'Das Feld „history“ muss eine Liste sein.' },
    )
    .default([]),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** Parses a JSON request body with a schema, turning every failure into a clear 400. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  if (!isUtf8Json(request.headers.get('content-type'))) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Die Anfrage muss JSON in UTF-8 sein (Content-Type: application/json).');
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'Die Anfrage enthält kein gültiges JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const message = issue?.message && !issue.message.startsWith('Invalid') ? issue.message : 'Die Anfrage hat nicht das erwartete Format.';
    throw new ApiError(400, 'INVALID_REQUEST', message);
  }
  return result.data;
}
