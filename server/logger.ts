// Owns the hub's structured log (pino, JSON lines): requests by route, status and desk number, never a body,
// a header or anything a traveller or officer could be recognised by.
import pino from 'pino';

export type HubLogger = pino.Logger;

export function createLogger(level: string = process.env.MEJA_HUB_LOG ?? 'info'): HubLogger {
  return pino({
    level,
    base: { service: 'meja-hub' },
    // Belt and braces: should a field of these names ever be logged, it is blanked.
    redact: { paths: ['authorization', 'credential', 'code', 'req.headers', 'body', 'payload'], censor: '[redacted]' },
  });
}
