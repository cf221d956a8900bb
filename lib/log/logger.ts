// One structured logger for the whole runtime: a line per event, the actor's address in
// every line, level chosen by SLUICE_LOG_LEVEL (error, warn, info, debug; default warn).
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const rank: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in rank;
}

let current: LogLevel = isLogLevel(process.env.SLUICE_LOG_LEVEL) ? process.env.SLUICE_LOG_LEVEL : 'warn';

export function logLevel(): LogLevel {
  return current;
}

/** A process-wide override, e.g. `sluice run` keeps supervision warnings out of a user's terminal. */
export function setLogLevel(level: LogLevel): void {
  current = level;
}

export class Logger {
  constructor(private readonly fields: Record<string, unknown> = {}) {}

  child(fields: Record<string, unknown>): Logger {
    return new Logger({ ...this.fields, ...fields });
  }

  error(message: string, fields?: Record<string, unknown>): void { this.write('error', message, fields); }
  warn(message: string, fields?: Record<string, unknown>): void { this.write('warn', message, fields); }
  info(message: string, fields?: Record<string, unknown>): void { this.write('info', message, fields); }
  debug(message: string, fields?: Record<string, unknown>): void { this.write('debug', message, fields); }

  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (rank[level] > rank[current]) return;
    const all = { ...this.fields, ...fields };
    const rendered = Object.entries(all).map(([key, value]) => `${key}=${render(value)}`).join(' ');
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${rendered ? ' ' + rendered : ''}\n`);
  }
}

/** A field's value as JSON; never throws, since logging a failure must not fail (cycles, BigInt, hostile toString). */
function render(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  try {
    return String(JSON.stringify(value));
  } catch {
    try {
      return JSON.stringify(String(value));
    } catch {
      return '"[unrenderable]"';
    }
  }
}

export const rootLogger = new Logger();
