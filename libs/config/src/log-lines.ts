/**
 * Turns pino's JSON lines into one short readable line each, for a terminal and for the processes tests
 * spawn (LOG_FORMAT=pretty). A log collector gets the JSON (LOG_FORMAT=json) instead.
 */
const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'LOG', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'reqId', 'req', 'res', 'responseTime', 'ms', 'service', 'err']);

export function prettyLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = LEVEL_NAMES[Number(entry.level)] ?? String(entry.level);
  const context = typeof entry.context === 'string' ? ` [${entry.context}]` : '';
  const requestId = entry.reqId !== undefined ? ` req=${String(entry.reqId)}` : '';
  const extras = Object.entries(entry)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
    .map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('');
  const error = entry.err && typeof entry.err === 'object' && 'stack' in entry.err ? `\n${String((entry.err as { stack: unknown }).stack)}` : '';
  return `${level.padEnd(5)}${context} ${String(entry.msg ?? '')}${requestId}${extras}${error}`;
}

/** A pino destination that writes pretty lines to stdout (synchronously, like the console it replaces). */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout): { write(line: string): void } {
  return { write: (line: string) => void out.write(`${prettyLogLine(line)}\n`) };
}
