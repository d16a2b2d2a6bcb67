import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@zwgk/config';
import { createDataSource } from '@zwgk/db';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthService } from './worker-health.service';
import { WORKER_CONFIG } from './worker.tokens';

async function openDatabase(config: AppConfig): Promise<DataSource> {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set; the worker needs the database its activities write to.');
  const dataSource = createDataSource(config.databaseUrl, { applicationName: 'zwgk-worker' });
  await dataSource.initialize();
  return dataSource;
}

@Module({
  providers: [
    { provide: WORKER_CONFIG, useFactory: (): AppConfig => loadConfig() },
    { provide: DataSource, inject: [WORKER_CONFIG], useFactory: openDatabase },
    TemporalWorkerService,
    WorkerHealthService,
  ],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
