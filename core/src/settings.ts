import { AuskunftError } from './errors.js';

/**
 * One typed definition per operational setting gives its default, its `AUSKUNFT_*` environment
 * variable, its key in `auskunft.config.json` and its documentation (README, `--help`), so the
 * three ways of setting it can never drift apart. Precedence: command-line flag > environment >
 * config file > default.
 */
export type SettingType = 'integer' | 'number' | 'string' | 'boolean' | 'url' | 'list' | 'enum' | 'json';

interface SettingBase<K extends SettingType> {
  type: K;
  /** Dotted key in the config file, e.g. `server.port`. */
  key: string;
  /** Environment variable, always `AUSKUNFT_…`. */
  env: `AUSKUNFT_${string}`;
  doc: string;
  /** Values 0 (or 0 for limits) mean "off" where `zeroDisables` is true; documented in help. */
  zeroDisables?: boolean;
  min?: number;
  max?: number;
  secret?: boolean;
  /** For `enum` settings: the accepted values, compared exactly (so `WARN` is refused, not read as `warn`). */
  values?: readonly string[];
  /**
   * For `json` settings (an object or array in the config file, JSON text in the environment):
   * checks the parsed value and returns what is wrong with it, or null when it is fine.
   */
  check?: (value: unknown) => string | null;
}

type ValueOf<K extends SettingType> = K extends 'integer' | 'number'
  ? number
  : K extends 'boolean'
    ? boolean
    : K extends 'list'
      ? string[]
      : K extends 'json'
        ? unknown
        : string;

export type SettingDef<K extends SettingType = SettingType> = SettingBase<K> & {
  default: ValueOf<K> | undefined;
};

export type SettingDefs = Record<string, SettingDef>;

export type Settings<D extends SettingDefs> = {
  [N in keyof D]: D[N] extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : D[N] extends SettingDef<infer K>
      ? D[N]['default'] extends undefined
        ? ValueOf<K> | undefined
        : ValueOf<K>
      : never;
};

export interface ResolveSettingsInput {
  /** Parsed config file (nested object), if any. */
  file?: Record<string, unknown>;
  fileName?: string;
  env?: Record<string, string | undefined>;
  /** Values from command-line flags, by setting name. Undefined entries are ignored. */
  overrides?: Record<string, unknown>;
}

/** Helper so definitions keep their literal types. */
export function defineSettings<D extends SettingDefs>(defs: D): D {
  return defs;
}

/**
 * Resolves every setting or throws one CONFIG_INVALID error listing every bad value, each with
 * where it came from, so an operator fixes all of them in one go.
 */
export function resolveSettings<D extends SettingDefs>(defs: D, input: ResolveSettingsInput = {}): Settings<D> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    const fromFlag = input.overrides?.[name];
    const fromEnv = input.env?.[def.env];
    const fromFile = input.file ? lookup(input.file, def.key) : undefined;
    let raw: unknown;
    let origin: string;
    if (fromFlag !== undefined) [raw, origin] = [fromFlag, `command-line option for ${name}`];
    else if (fromEnv !== undefined && fromEnv !== '') [raw, origin] = [fromEnv, `environment variable ${def.env}`];
    else if (fromFile !== undefined) [raw, origin] = [fromFile, `"${def.key}" in ${input.fileName ?? 'the config file'}`];
    else {
      out[name] = def.default;
      continue;
    }
    const result = coerce(def, raw);
    if (typeof result === 'object' && result !== null && 'problem' in result) problems.push(`${origin}: ${result.problem}`);
    else out[name] = result;
  }
  if (problems.length > 0) {
    throw new AuskunftError('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return out as Settings<D>;
}

/** One line per setting, for `--help` and the README table. */
export function describeSettings(defs: SettingDefs): Array<{ name: string; key: string; env: string; default: string; doc: string }> {
  return Object.entries(defs).map(([name, def]) => ({
    name,
    key: def.key,
    env: def.env,
    default: def.default === undefined ? '(none)' : def.type === 'json' ? JSON.stringify(def.default) : (Array.isArray(def.default) ? def.default.join(',') : String(def.default)) || '(empty)',
    doc: def.doc + (def.values ? ` One of: ${def.values.join(', ')}.` : '') + (def.zeroDisables ? ' 0 switches it off.' : ''),
  }));
}

function lookup(obj: Record<string, unknown>, dotted: string): unknown {
  let cur: unknown = obj;
  for (const part of dotted.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function coerce(def: SettingDef, raw: unknown): unknown {
  switch (def.type) {
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n) || (def.type === 'integer' && !Number.isInteger(n))) {
        return { problem: `expected ${def.type === 'integer' ? 'a whole number' : 'a number'}, got ${JSON.stringify(raw)}` };
      }
      if (def.zeroDisables && n === 0) return 0;
      if (def.min !== undefined && n < def.min) return { problem: `must be at least ${def.min}${def.zeroDisables ? ' (or 0 to switch it off)' : ''}, got ${n}` };
      if (def.max !== undefined && n > def.max) return { problem: `must be at most ${def.max}, got ${n}` };
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      return { problem: `expected true or false, got ${JSON.stringify(raw)}` };
    }
    case 'list': {
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw;
      if (typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter(Boolean);
      return { problem: `expected a list of strings (comma-separated in the environment), got ${JSON.stringify(raw)}` };
    }
    case 'url': {
      if (typeof raw !== 'string') return { problem: `expected a URL, got ${JSON.stringify(raw)}` };
      try {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `expected an http(s) URL, got ${raw}` };
        return raw;
      } catch {
        return { problem: `expected a URL such as https://example.org/, got ${JSON.stringify(raw)}` };
      }
    }
    case 'enum': {
      const values = def.values ?? [];
      if (typeof raw === 'string' && values.includes(raw)) return raw;
      return { problem: `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(raw)}` };
    }
    case 'json': {
      let value = raw;
      if (typeof raw === 'string') {
        try {
          value = JSON.parse(raw);
        } catch (error) {
          return { problem: `expected JSON (an object or array), but it does not parse: ${(error as Error).message}` };
        }
      }
      if (typeof value !== 'object' || value === null) return { problem: `expected an object or array, got ${JSON.stringify(raw)}` };
      const problem = def.check?.(value) ?? null;
      return problem === null ? value : { problem };
    }
    case 'string':
      if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
      return { problem: `expected text, got ${JSON.stringify(raw)}` };
  }
}
