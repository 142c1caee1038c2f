import { describe, expect, it } from 'vitest';
import { isAuskunftError } from './errors.js';
import { defineSettings, describeSettings, resolveSettings } from './settings.js';

const defs = defineSettings({
  port: { type: 'integer', key: 'server.port', env: 'AUSKUNFT_PORT', default: 8080, min: 0, max: 65535, doc: 'Port.' },
  rateLimit: { type: 'integer', key: 'limits.rate', env: 'AUSKUNFT_RATE', default: 60, min: 1, zeroDisables: true, doc: 'Requests per minute.' },
  origins: { type: 'list', key: 'server.corsOrigins', env: 'AUSKUNFT_CORS_ORIGINS', default: [], doc: 'Origins.' },
  endpoint: { type: 'url', key: 'model.endpoint', env: 'AUSKUNFT_ENDPOINT', default: undefined, doc: 'Endpoint.' },
  logging: { type: 'boolean', key: 'log.enabled', env: 'AUSKUNFT_LOG', default: true, doc: 'Logging.' },
});

describe('resolveSettings', () => {
  it('uses defaults, then file, then environment, then flags', () => {
    expect(resolveSettings(defs).port).toBe(8080);
    const file = { server: { port: 3000, corsOrigins: ['https://www.lv-mittelrhein-ruhr.example'] } };
    expect(resolveSettings(defs, { file }).port).toBe(3000);
    expect(resolveSettings(defs, { file, env: { AUSKUNFT_PORT: '4000' } }).port).toBe(4000);
    expect(resolveSettings(defs, { file, env: { AUSKUNFT_PORT: '4000' }, overrides: { port: '5000' } }).port).toBe(5000);
    expect(resolveSettings(defs, { env: { AUSKUNFT_CORS_ORIGINS: 'https://a.example, https://b.example' } }).origins).toEqual(['https://a.example', 'https://b.example']);
    expect(resolveSettings(defs, { env: { AUSKUNFT_LOG: 'off' } }).logging).toBe(false);
  });

  it('lets 0 switch a limit off', () => {
    expect(resolveSettings(defs, { env: { AUSKUNFT_RATE: '0' } }).rateLimit).toBe(0);
  });

  it('lists every bad value with where it came from', () => {
    let error: unknown;
    try {
      resolveSettings(defs, { file: { server: { port: 'acht' } }, fileName: 'auskunft.config.json', env: { AUSKUNFT_ENDPOINT: 'localhost:8080', AUSKUNFT_RATE: '-1' } });
    } catch (e) {
      error = e;
    }
    expect(isAuskunftError(error, 'CONFIG_INVALID')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('"server.port" in auskunft.config.json: expected a whole number, got "acht"');
    expect(message).toContain('environment variable AUSKUNFT_ENDPOINT: expected an http(s) URL, got localhost:8080');
    expect(message).toContain('AUSKUNFT_RATE: must be at least 1 (or 0 to switch it off)');
  });

  it('describes settings for help and README', () => {
    const rows = describeSettings(defs);
    expect(rows.find((r) => r.name === 'rateLimit')).toMatchObject({ env: 'AUSKUNFT_RATE', default: '60', doc: 'Requests per minute. 0 switches it off.' });
  });

  it('accepts only the listed values of a choice, exactly as written', () => {
    const choice = defineSettings({ level: { type: 'enum', values: ['debug', 'info', 'warn', 'error'] as const, key: 'log.level', env: 'AUSKUNFT_LOG_LEVEL', default: 'info', doc: 'Level.' } });
    expect(resolveSettings(choice, { env: { AUSKUNFT_LOG_LEVEL: 'warn' } }).level).toBe('warn');
    expect(() => resolveSettings(choice, { env: { AUSKUNFT_LOG_LEVEL: 'WARN' } })).toThrow('environment variable AUSKUNFT_LOG_LEVEL: expected one of "debug", "info", "warn", "error", got "WARN"');
    expect(describeSettings(choice)[0]!.doc).toBe('Level. One of: debug, info, warn, error.');
  });
});
