import { pino, type Logger } from 'pino';
import type { Config } from './env.ts';

export type { Logger };

/** JSON logs in production; readable lines everywhere else. */
export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    ...(config.nodeEnv === 'production'
      ? {}
      : { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } }),
  });
}
