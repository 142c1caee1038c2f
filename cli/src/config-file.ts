import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuskunftError, resolveSettings, type SettingDefs, type Settings } from '@auskunft/core';

export const DEFAULT_CONFIG_FILE = 'auskunft.config.json';

/**
 * Reads auskunft.config.json: the file named by --config or AUSKUNFT_CONFIG (must exist), else
 * ./auskunft.config.json if present. JSON keeps it readable for web teams and editable by tools.
 */
async function readConfigFile(explicit: string | undefined): Promise<{ file?: Record<string, unknown>; fileName?: string }> {
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

/** Resolves one group of settings; `overrides` (the command's flags) replace the loader's default ones. */
export type SettingsLoader = <D extends SettingDefs>(defs: D, overrides?: Record<string, unknown>) => Settings<D>;

/**
 * Reads the config file once (--config, else AUSKUNFT_CONFIG, else ./auskunft.config.json) and
 * returns a resolver for any group of settings with the precedence every command shares:
 * flag > environment > config file > default.
 */
export async function loadSettings(configFlag: unknown, overrides: Record<string, unknown> = {}): Promise<SettingsLoader> {
  const env = process.env;
  const config = await readConfigFile((configFlag as string | undefined) ?? env['AUSKUNFT_CONFIG']);
  return (defs, extra = overrides) => resolveSettings(defs, { ...config, env, overrides: extra });
}
