import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { connectAndMigrate, createDataSource } from '@zwgk/db';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

async function openDatabase(config: AppConfig): Promise<DataSource> {
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set. `npm start` sets it for the embedded server; in production point it at Postgres.');
  }
  const dataSource = createDataSource(config.databaseUrl, { applicationName: 'zwgk-api' });
  const applied = await connectAndMigrate(dataSource);
  if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
  return dataSource;
}

@Global()
@Module({
  providers: [{ provide: DataSource, inject: [APP_CONFIG], useFactory: openDatabase }],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
