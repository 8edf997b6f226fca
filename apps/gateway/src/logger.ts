import { pino, type Logger, type LoggerOptions } from 'pino';
import { loggerOptions } from '@faultline/service-kit';

/** The gateway's logger, made before the app so that supervising the children can log too. */
export function buildLogger(level: string): Logger {
  return pino(loggerOptions(level) as LoggerOptions);
}
