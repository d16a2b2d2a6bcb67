import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

/** How long the workload counts are reused: a scrape every few seconds must not become a query each time. */
const WORKLOAD_CACHE_MS = 5_000;

interface Workload {
  openTasks: number;
  overdueTasks: number;
  applications: { state: string; count: number }[];
}

/**
 * The API's Prometheus metrics: one counter and one latency histogram per route pattern (never the raw URL,
 * which would make a series per item id), the process's own metrics, and the workload people watch (open and
 * overdue review tasks, applications by state), read from the database when scraped.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'zwgk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'zwgk_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private workload?: { at: number; value: Promise<Workload> };

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const read = () => this.readWorkload();
    new Gauge({
      name: 'zwgk_review_tasks_open',
      help: 'Review tasks waiting for a reviewer',
      registers: [this.registry],
      async collect() { this.set((await read()).openTasks); },
    });
    new Gauge({
      name: 'zwgk_review_tasks_overdue',
      help: 'Open review tasks past their due time',
      registers: [this.registry],
      async collect() { this.set((await read()).overdueTasks); },
    });
    new Gauge({
      name: 'zwgk_applications',
      help: 'Disclosure applications, by state',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { state, count } of (await read()).applications) this.set({ state }, count);
      },
    });
  }

  /** Called once per answered request; label values are bounded (route patterns, methods, status codes). */
  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  private readWorkload(): Promise<Workload> {
    const now = Date.now();
    if (!this.workload || now - this.workload.at > WORKLOAD_CACHE_MS) {
      const value = this.queryWorkload();
      // A failed read is not cached: the next scrape tries again.
      value.catch(() => { if (this.workload?.value === value) this.workload = undefined; });
      this.workload = { at: now, value };
    }
    return this.workload.value;
  }

  private async queryWorkload(): Promise<Workload> {
    const [tasks] = await this.dataSource.query<{ open: string; overdue: string }[]>(
      `SELECT count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue FROM review_tasks WHERE state = 'open'`,
    );
    const applications = await this.dataSource.query<{ state: string; count: string }[]>(
      'SELECT state, count(*) AS count FROM disclosure_applications GROUP BY state',
    );
    return {
      openTasks: Number(tasks?.open ?? 0),
      overdueTasks: Number(tasks?.overdue ?? 0),
      applications: applications.map((row) => ({ state: row.state, count: Number(row.count) })),
    };
  }
}
