import { prettyLogLine } from './log-lines';

describe('prettyLogLine', () => {
  it('turns an access-log line into one short line with its request id', () => {
    const json = JSON.stringify({ level: 30, time: 1, pid: 2, hostname: 'h', service: 'api', reqId: 'r-1', req: { method: 'GET', url: '/api/x' }, res: { statusCode: 200 }, ms: 3, msg: 'GET /api/x 200 3ms' });
    expect(prettyLogLine(json)).toBe('LOG   GET /api/x 200 3ms req=r-1');
  });

  it('keeps the context, extra fields and a stack, and passes a non-JSON line through', () => {
    const json = JSON.stringify({ level: 50, context: 'Temporal', msg: 'failed', workflowId: 'w-1', err: { stack: 'Error: x\n    at y' } });
    expect(prettyLogLine(json)).toBe('ERROR [Temporal] failed workflowId=w-1\nError: x\n    at y');
    expect(prettyLogLine('plain text\n')).toBe('plain text');
  });
});
