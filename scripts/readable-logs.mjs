// Turns the central endpoint's JSON log lines (pino) into one short French line each, for `npm start`:
// a person watching the demo wants to see what went wrong, not a JSON object every minute. Successful
// requests are left out (LOG_LEVEL=debug shows them); anything that is not JSON passes through unchanged.
import { createInterface } from 'node:readline';

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'ATTENTION', 50: 'ERREUR', 60: 'FATAL' };
const showSuccesses = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace';

const time = (ms) => new Date(ms).toLocaleTimeString('fr-FR', { hour12: false });

/** One line for a pino record, or `null` to leave it out. */
export function readableLine(record) {
  if (record.msg === 'incoming request') return null;
  const when = time(record.time ?? Date.now());
  const level = LEVELS[record.level] ?? String(record.level);
  if (record.msg === 'request completed' && record.res) {
    const status = record.res.statusCode;
    if (status < 400 && !showSuccesses) return null;
    const took = typeof record.responseTime === 'number' ? ` (${Math.round(record.responseTime)} ms)` : '';
    return `${when} serveur ${record.req?.method ?? ''} ${record.req?.url ?? ''} → ${status}${took}`.replace(/\s+/g, ' ');
  }
  const details = Object.entries(record)
    .filter(([k]) => !['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'err'].includes(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (record.err?.message) details.push(`erreur=${record.err.message}`);
  const prefix = level === 'info' ? '' : `${level} `;
  return `${when} serveur ${prefix}${record.msg ?? ''}${details.length ? ` — ${details.join(', ')}` : ''}`;
}

/** Reads `input` line by line and writes readable lines to `output`. */
export function pipeReadable(input, output) {
  createInterface({ input }).on('line', (line) => {
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      output.write(`${line}\n`);
      return;
    }
    const text = record && typeof record === 'object' ? readableLine(record) : line;
    if (text) output.write(`${text}\n`);
  });
}
