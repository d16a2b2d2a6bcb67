import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { PersonalInformationController } from './personal-information.controller';
import { PersonalInformationService } from './personal-information.service';

@Module({ imports: [ItemsModule], controllers: [PersonalInformationController], providers: [PersonalInformationService] })
export class PersonalInformationModule {}
