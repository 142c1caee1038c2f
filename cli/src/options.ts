import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeSettings, type SettingDefs } from '@auskunft/core';

/** `maxPages` → `max-pages`: every setting is also a flag, named after it. */
export function flagName(setting: string): string {
  return setting.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Parses argv against the settings of a command: every setting becomes `--flag <value>`;
 * `extra` adds command-specific flags. Values stay strings here; `resolveSettings` checks them.
 */
export function parseCommandArgs(argv: string[], defs: SettingDefs[], extra: ParseArgsConfig['options'] = {}) {
  const options: NonNullable<ParseArgsConfig['options']> = { ...extra, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  for (const def of defs) for (const name of Object.keys(def)) options[flagName(name)] = { type: 'string' };
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const overrides: Record<string, unknown> = {};
  for (const def of defs) {
    for (const name of Object.keys(def)) {
      const value = values[flagName(name)];
      if (value !== undefined) overrides[name] = value;
    }
  }
  return { values, positionals, overrides };
}

/** The settings part of `--help`: flag, variable, default and meaning. */
export function settingsHelp(defs: SettingDefs[]): string {
  return defs
    .flatMap((d) => describeSettings(d))
    .map((s) => `  --${flagName(s.name)} <value>\n      ${s.doc}\n      env ${s.env}, config "${s.key}", default ${s.default}`)
    .join('\n');
}
