import type { LoggerService } from '@nestjs/common';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { pino, type Logger } from 'pino';
import { prettyLogStream, type AppConfig } from '@zwgk/config';

/** The worker's one logger: JSON lines for a collector, or short lines for a terminal (LOG_FORMAT). */
export function createWorkerLogger(config: AppConfig): Logger {
  const options = { level: config.observability.logLevel, base: { service: 'worker' } };
  return config.observability.logFormat === 'pretty' ? pino(options, prettyLogStream()) : pino(options);
}

function contextOf(params: unknown[]): { context?: string; rest: unknown[] } {
  const last = params.at(-1);
  return typeof last === 'string' ? { context: last, rest: params.slice(0, -1) } : { rest: params };
}

/** Nest's log calls (`new Logger('TemporalWorker').log(...)`) as pino lines with their context. */
export function nestLogger(logger: Logger): LoggerService {
  const write = (level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal') => (message: unknown, ...params: unknown[]) => {
    const { context } = contextOf(params);
    logger[level]({ context }, String(message));
  };
  return {
    log: write('info'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
    error: (message: unknown, ...params: unknown[]) => {
      const { context, rest } = contextOf(params);
      const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
      logger.error({ context, ...(stack ? { err: { stack } } : {}) }, message instanceof Error ? message.message : String(message));
    },
  };
}

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** The Temporal SDK's logger (worker, activity and workflow lines, with their ids in `meta`) onto pino. */
export function temporalLogger(logger: Logger): TemporalLogger {
  const child = logger.child({ context: 'Temporal' });
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => child[LEVELS[level]](meta ?? {}, message);
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
