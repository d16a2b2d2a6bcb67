import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000))]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers HTTP. Restart it when this fails; dependencies are readiness's business. */
  @ApiResponse({ status: 200, description: 'The process answers', schema: { type: 'object' } })
  @Get('live')
  live() {
    return { ok: true };
  }

  /**
   * Readiness: send traffic here only while PostgreSQL and Temporal both answer (a proxy or orchestrator takes
   * the replica out of rotation on 503 and back when it recovers, without restarting it).
   */
  @ApiResponse({ status: 200, description: 'PostgreSQL and Temporal answer', schema: { type: 'object' } })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Temporal does not answer; the body says which', schema: { type: 'object' } })
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const { db, temporal } = await this.probeDependencies();
    const ok = db.ok && temporal.ok;
    response.status(ok ? 200 : 503);
    return { ok, db, temporal };
  }

  /** 200 when Postgres and Temporal both answer, 503 otherwise; the body says which is down. */
  @ApiResponse({ status: 200, description: 'PostgreSQL and Temporal answer' })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Temporal does not answer; the body says which', schema: { type: 'object' } })
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const { db, temporal } = await this.probeDependencies();
    const ok = db.ok && temporal.ok;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', db, temporal: { ...temporal, namespace: this.config.temporal.namespace }, authMode: this.config.auth.mode };
  }

  private async probeDependencies() {
    const [db, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        await this.connection.ensureConnected();
        await this.connection.workflowService.getSystemInfo({});
      }),
    ]);
    return { db, temporal };
  }
}
