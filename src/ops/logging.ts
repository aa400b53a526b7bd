// Structured JSON logs (Fastify's pino logger): one line per event with level, time, request id, method, path,
// status and duration. The request id comes from the reverse proxy's X-Request-Id when it sends a well-formed one
// (nginx: `proxy_set_header X-Request-Id $request_id;`), so one id follows a request through proxy log, app log and
// audit row; otherwise the app makes one.

import fastify, { type FastifyInstance, type FastifyServerOptions, type RawRequestDefaultExpression } from 'fastify';
import type { IdGenerator } from '../shared/clock.ts';

export const requestIdHeader = 'x-request-id';

// Letters, digits and . _ : - ; up to 128 characters. Refuses anything that could break a log line or a header.
const wellFormedRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u;

/** The incoming request id when it is well formed, else null (a new one is made). */
export function acceptedRequestId(value: string | string[] | undefined): string | null {
  const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  return single !== undefined && wellFormedRequestId.test(single) ? single : null;
}

export interface LoggingSettings {
  /** pino level: fatal, error, warn, info, debug, trace, silent (LOG_LEVEL) */
  level: string;
  ids: IdGenerator;
}

export type LoggingFastifyOptions = Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'logController'>;

/** Fastify options for JSON logs with a request id; spread them into `Fastify({...})`. */
export function loggingOptions(settings: LoggingSettings): LoggingFastifyOptions {
  return {
    logger: {
      level: settings.level,
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      // Query strings can hold searched names and citizen ids: logs keep the path only.
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          remoteAddress: req.ip ?? req.socket?.remoteAddress,
        }),
      },
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[ẩn]' },
    },
    logController: new fastify.LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req: RawRequestDefaultExpression) => acceptedRequestId(req.headers[requestIdHeader]) ?? settings.ids.newId(),
  };
}

/** Sends the request id back (X-Request-Id), so an officer reporting a problem can quote it. */
export function installRequestIdEcho(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(requestIdHeader, request.id);
  });
}
