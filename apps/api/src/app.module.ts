import { Module } from '@nestjs/common';
import { ApplicationsModule } from './applications/applications.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogModule } from './catalog/catalog.module';
import { CatalogCompilationModule } from './catalog-compilation/catalog-compilation.module';
import { PublicCatalogModule } from './public-catalog/public-catalog.module';
import { InputPolicyModule } from './common/input-policy.module';
import { ConcernsModule } from './concerns/concerns.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ItemsModule } from './items/items.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PersonalInformationModule } from './personal-information/personal-information.module';
import { ObligationsModule } from './obligations/obligations.module';
import { ReviewChainsModule } from './review-chains/review-chains.module';
import { ObservabilityModule } from './observability/observability.module';
import { PublicModule } from './public/public.module';
import { RatingsModule } from './ratings/ratings.module';
import { ReportsModule } from './reports/reports.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [ConfigModule, ObservabilityModule, DatabaseModule, TemporalModule, AuthModule, InputPolicyModule, HealthModule, CalendarModule, CatalogModule, ItemsModule, AttachmentsModule, TasksModule, PublicModule, NotificationsModule, OrganisationModule, ReviewChainsModule, ConcernsModule, ObligationsModule, AuditModule, SupervisionModule, ReportsModule, RatingsModule, CatalogCompilationModule, PublicCatalogModule, ConsultationsModule, ApplicationsModule, PersonalInformationModule, WebModule],
})
export class AppModule {}
