/**
 * One catalogue of error codes shared by crawler, server and CLI. Every message says what went
 * wrong and how to fix it, because the people who read them are web teams and editors, not the
 * authors of this code.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_FILE_UNREADABLE'
  | 'INDEX_NOT_FOUND'
  | 'INDEX_CORRUPT'
  | 'INDEX_FORMAT_UNSUPPORTED'
  | 'INDEX_TOO_LARGE'
  | 'EMBEDDER_MISMATCH'
  | 'EMBEDDER_FAILED'
  | 'EMBEDDER_TIMEOUT'
  | 'CRAWL_START_UNREACHABLE'
  | 'CRAWL_NOTHING_INDEXED'
  | 'FAQ_FILE_INVALID';

export class AuskunftError extends Error {
  override readonly name = 'AuskunftError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAuskunftError(value: unknown, code?: ErrorCode): value is AuskunftError {
  return value instanceof AuskunftError && (code === undefined || value.code === code);
}
