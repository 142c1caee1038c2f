import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuskunftError } from '@auskunft/core';

export const DEFAULT_CONFIG_FILE = 'auskunft.config.json';

/**
 * Reads auskunft.config.json: the file named by --config or AUSKUNFT_CONFIG (must exist), else
 * ./auskunft.config.json if present. JSON keeps it readable for web teams and editable by tools.
 */
export async function readConfigFile(explicit: string | undefined): Promise<{ file?: Record<string, unknown>; fileName?: string }> {
  const path = resolve(explicit ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AuskunftError('CONFIG_FILE_UNREADABLE', `Cannot read config file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuskunftError('CONFIG_FILE_UNREADABLE', `Config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new AuskunftError('CONFIG_FILE_UNREADABLE', `Config file ${path} must contain a JSON object such as {"server": {"port": 8080}}.`);
  }
  return { file: json as Record<string, unknown>, fileName: path };
}
