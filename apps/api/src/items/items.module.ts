import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ItemsController } from './items.controller';
import { ItemListService } from './item-list.service';
import { ItemRevisionsService } from './item-revisions.service';
import { ItemsService } from './items.service';
import { ReleaseLedgerService } from './release-ledger.service';

@Module({ imports: [CatalogModule], controllers: [ItemsController], providers: [ItemsService, ItemListService, ItemRevisionsService, ReleaseLedgerService], exports: [ItemsService, ReleaseLedgerService] })
export class ItemsModule {}
