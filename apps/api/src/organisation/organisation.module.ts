import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({ imports: [AuthModule], controllers: [OrganisationController], providers: [OrganisationService] })
export class OrganisationModule {}
