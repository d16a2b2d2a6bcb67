import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { PersonalInformationSweepController } from './personal-information-sweep.controller';
import { PersonalInformationSweepService } from './personal-information-sweep.service';
import { PersonalInformationController } from './personal-information.controller';
import { PersonalInformationService } from './personal-information.service';

@Module({
  imports: [ItemsModule],
  controllers: [PersonalInformationController, PersonalInformationSweepController],
  providers: [PersonalInformationService, PersonalInformationSweepService],
})
export class PersonalInformationModule {}
