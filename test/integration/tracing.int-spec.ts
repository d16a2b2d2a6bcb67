import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { projectRoot } from '@zwgk/config';
import { addTsconfigAliases, workflowInterceptorModules, workflowsPath } from '../../apps/worker/src/workflow-bundle';
import { ApiClient } from '../support/api-client';
import { startApi, startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

/** A tiny OTLP/HTTP receiver: what the API and the worker export, as the JSON the OTLP exporter posts. */
async function startOtlpReceiver(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: Omit<ReceivedSpan, 'service'>[] }[] }[];
      };
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name, kind: span.kind });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans };
}

/**
 * Tracing switched on (TRACING=on): one request through the API to a workflow is one trace. The API's HTTP
 * span, its Temporal client span, the workflow's spans (exported from the sandbox by the sink) and the activity
 * spans all carry the trace id the
 * caller sent in its traceparent header, exported over OTLP/HTTP to a receiver in this test. And the traced
 * workflow bundle replays the recorded histories, so switching tracing on does not break open workflows.
 */
describe('OpenTelemetry tracing through the API, Temporal and the worker', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let api: SpawnedProcess & { baseUrl: string };
  let worker: SpawnedProcess;
  let dir: string;
  let tracedBundle: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    dir = mkdtempSync(path.join(tmpdir(), 'zwgk-tracing-'));
    const bundle = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, webpackConfigHook: addTsconfigAliases, logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as never });
    tracedBundle = path.join(dir, 'workflow-bundle-traced.js');
    writeFileSync(tracedBundle, bundle.code);
    const queue = uniqueTaskQueue('tracing');
    const env = { TRACING: 'on', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200', ZWGK_WORKFLOW_BUNDLE_TRACED: tracedBundle };
    [worker, api] = await Promise.all([startWorker(queue, env), startApi(queue, env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await new Promise((resolve) => receiver?.server.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the HTTP request, the update-with-start, the workflow update and its activities one trace id', async () => {
    const client = new ApiClient(api.baseUrl);
    const token = await client.token('edu.drafter');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${api.baseUrl}/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ catalogItemCode: 'EDU-001', title: '2026年招生计划（追踪）', body: '追踪测试正文。', formedAt: '2026-11-20' }),
    });
    expect(response.status).toBe(201);

    const ofTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    const deadline = Date.now() + 30_000;
    const wanted = (spans: ReceivedSpan[]) =>
      spans.some((span) => span.service === 'zwgk-api' && span.kind === 2) &&
      spans.some((span) => span.service === 'zwgk-api' && span.name.startsWith('UpdateWithStartWorkflow:')) &&
      // Inside the workflow: the update the API sent with the start (the run's own span ends when the item's workflow does).
      spans.some((span) => span.service === 'zwgk-worker' && span.name.startsWith('HandleUpdate:')) &&
      spans.some((span) => span.service === 'zwgk-worker' && span.name.startsWith('StartActivity:')) &&
      spans.some((span) => span.service === 'zwgk-worker' && span.name.startsWith('RunActivity:'));
    while (!wanted(ofTrace()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const spans = ofTrace();
    const summary = spans.map((span) => `${span.service} ${span.name}`);
    expect(wanted(spans) ? 'every kind' : summary).toBe('every kind');

    // One tree: the HTTP server span continues the caller's span, the client's span is its child, the workflow's
    // update span the client's, and each activity runs under the workflow span that scheduled it.
    const one = (service: string, pattern: RegExp) => spans.find((span) => span.service === service && pattern.test(span.name))!;
    const server = spans.find((span) => span.service === 'zwgk-api' && span.kind === 2)!;
    const clientSpan = one('zwgk-api', /^UpdateWithStartWorkflow:/);
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    expect(clientSpan.parentSpanId).toBe(server.spanId);
    expect(one('zwgk-worker', /^HandleUpdate:/).parentSpanId).toBe(clientSpan.spanId);
    const scheduled = new Set(spans.filter((span) => span.name.startsWith('StartActivity:')).map((span) => span.spanId));
    for (const run of spans.filter((span) => span.name.startsWith('RunActivity:'))) expect([run.name, scheduled.has(run.parentSpanId ?? '')]).toEqual([run.name, true]);
    // Health probes are not traced.
    expect(receiver.spans.some((span) => /health/.test(span.name))).toBe(false);
  }, 60_000);

  it('replays every recorded history through the traced bundle', async () => {
    const fixturesDir = path.join(projectRoot, 'test', 'fixtures', 'histories');
    const fixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.json'));
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    const sinks = { exporter: makeWorkflowExporter(new NoopSpanProcessor(), new Resource({})) };
    for (const name of fixtures) {
      const fixture = JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')) as { history: string };
      const history = temporal.api.history.v1.History.decode(Buffer.from(fixture.history, 'base64'));
      await expect(Worker.runReplayHistory({ workflowBundle: { codePath: tracedBundle }, sinks }, history, `traced-${name}`)).resolves.toBeUndefined();
    }
  }, 120_000);
});
