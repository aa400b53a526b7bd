// Operations settings read from the environment (documented in docs/deploy.md), next to readConfig's.

export interface OpsConfig {
  /** CHUNG_TAY_METRICS=true: serve Prometheus metrics at /metrics */
  metricsEnabled: boolean;
  /** CHUNG_TAY_METRICS_TOKEN: when set, /metrics requires `Authorization: Bearer <token>` */
  metricsToken: string | null;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace, silent */
  logLevel: string;
}

const levels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  return {
    metricsEnabled: env.CHUNG_TAY_METRICS === 'true' || env.CHUNG_TAY_METRICS === '1',
    metricsToken: env.CHUNG_TAY_METRICS_TOKEN ? env.CHUNG_TAY_METRICS_TOKEN : null,
    logLevel: levels.has(level) ? level : 'info',
  };
}
