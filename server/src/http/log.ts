/**
 * Structured logs: one JSON object per line on stdout (12-factor), which journald, Docker and
 * Workers Logs all collect. Callers pass only scrubbed, non-identifying fields; this module adds
 * time and level and drops everything when logging is off.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(options: { enabled: boolean; level: LogLevel; write?: (line: string) => void }): Logger {
  const write = options.write ?? ((line: string) => console.log(line));
  return {
    log(level, event, fields = {}) {
      if (!options.enabled || ORDER[level] < ORDER[options.level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
    },
  };
}
