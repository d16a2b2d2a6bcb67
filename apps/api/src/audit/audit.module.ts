import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ imports: [ItemsModule], controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
