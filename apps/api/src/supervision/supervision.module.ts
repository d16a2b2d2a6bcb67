import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

@Module({ imports: [ItemsModule], controllers: [SupervisionController], providers: [SupervisionService] })
export class SupervisionModule {}
