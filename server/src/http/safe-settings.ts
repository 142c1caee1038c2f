import { AuskunftError } from '@auskunft/core';
import type { ServerSettings } from '../config.js';

/** Shortest editor token accepted: 24 random characters are beyond guessing at any request rate. */
export const MIN_EDITOR_TOKEN_CHARS = 24;

/**
 * Settings that would be unsafe in combination, refused at start-up (both runtimes) with a
 * message that says what to set, instead of a server that runs and can be misused.
 */
export function assertSafeSettings(settings: Pick<ServerSettings, 'editorToken' | 'trustProxy' | 'trustedProxies' | 'publicUrl'>): void {
  const token = settings.editorToken;
  if (token !== undefined && token.length < MIN_EDITOR_TOKEN_CHARS) {
    throw new AuskunftError('CONFIG_INVALID', `editor.token (AUSKUNFT_EDITOR_TOKEN) has ${token.length} characters; at least ${MIN_EDITOR_TOKEN_CHARS} are required so that it cannot be guessed. Generate one with \`openssl rand -base64 24\`, or unset it to switch the editors' pages off.`);
  }
  if ((settings.trustProxy || settings.trustedProxies.length > 0) && !settings.publicUrl) {
    throw new AuskunftError('CONFIG_INVALID', 'Behind a reverse proxy (server.trustProxy or server.trustedProxies) the server cannot tell its public address from the request; set server.publicUrl (AUSKUNFT_PUBLIC_URL), e.g. https://auskunft.example.de/.');
  }
}
