import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({ imports: [CatalogModule], controllers: [ItemsController], providers: [ItemsService], exports: [ItemsService] })
export class ItemsModule {}
