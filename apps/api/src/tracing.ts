import { loadConfig, startTracing } from '@zwgk/config';

// Imported first by main.ts: the HTTP instrumentation must be in place before Nest loads the HTTP stack.
startTracing('zwgk-api', loadConfig(), { http: true });
