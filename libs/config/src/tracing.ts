import type * as OtelApi from '@opentelemetry/api';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as HttpInstrumentationModule from '@opentelemetry/instrumentation-http';
import type * as Resources from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import type * as TraceBase from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import type { AppConfig } from './app-config';

// Loaded only when tracing starts: every process imports this library, and none should load (or let patch)
// the OpenTelemetry SDK unless TRACING=on.
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  api: () => require('@opentelemetry/api') as typeof OtelApi,
  otlp: () => require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp,
  instrumentation: () => require('@opentelemetry/instrumentation') as typeof Instrumentation,
  http: () => require('@opentelemetry/instrumentation-http') as typeof HttpInstrumentationModule,
  resources: () => require('@opentelemetry/resources') as typeof Resources,
  base: () => require('@opentelemetry/sdk-trace-base') as typeof TraceBase,
  node: () => require('@opentelemetry/sdk-trace-node') as typeof TraceNode,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** What the Temporal interceptors need: where spans go and which service they are of. */
export interface Tracing {
  readonly enabled: boolean;
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Sends the spans still buffered; called when the process shuts down. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** Routes OpenTelemetry's own complaints (an unreachable collector) to one warning line, not a stack per batch. */
const quietDiag: OtelApi.DiagLogger = {
  error: (message) => process.stderr.write(`[tracing] ${message}\n`),
  warn: (message) => process.stderr.write(`[tracing] ${message}\n`),
  info: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};

/**
 * Starts OpenTelemetry tracing for this process when TRACING=on: a tracer provider that batches spans to the
 * OTLP/HTTP endpoint, W3C trace context propagation, and (for the API) the HTTP server instrumentation, which
 * must be registered before the HTTP stack is loaded: call this first thing in the entry point. Off, it returns
 * a disabled Tracing whose processor drops everything, so that callers need no second code path.
 */
export function startTracing(serviceName: string, config: Pick<AppConfig, 'observability'>, options: { http?: boolean } = {}): Tracing {
  if (active) return active;
  const settings = config.observability.tracing;
  if (!settings) {
    active = disabled();
    return active;
  }
  const resource = new (load.resources().Resource)({ 'service.name': serviceName });
  const api = load.api();
  api.diag.setLogger(quietDiag, api.DiagLogLevel.WARN);
  const spanProcessor = new (load.base().BatchSpanProcessor)(new (load.otlp().OTLPTraceExporter)({ url: settings.endpoint }));
  const provider = new (load.node().NodeTracerProvider)({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  if (options.http) {
    load.instrumentation().registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [
        new (load.http().HttpInstrumentation)({
          // Scrapes and health probes every few seconds would drown the traces people look at.
          ignoreIncomingRequestHook: (request) => /^\/api\/(health|metrics)(\/|\?|$)/.test(request.url ?? ''),
          // Outgoing calls (the identity provider, notification gateways) only as children of a request.
          requireParentforOutgoingSpans: true,
        }),
      ],
    });
  }
  active = { enabled: true, resource, spanProcessor, shutdown: () => provider.shutdown() };
  return active;
}

function disabled(): Tracing {
  return { enabled: false, resource: new (load.resources().Resource)({}), spanProcessor: new (load.base().NoopSpanProcessor)(), shutdown: async () => undefined };
}

/** The tracing this process started (disabled when startTracing was not called). */
export function activeTracing(): Tracing {
  return active ?? disabled();
}
