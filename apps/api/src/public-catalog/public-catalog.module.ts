import { Module } from '@nestjs/common';
import { CatalogGapsController } from './catalog-gaps.controller';
import { PublicCatalogController } from './public-catalog.controller';
import { PublicCatalogService } from './public-catalog.service';

/** The public catalog (能监督) and the supervisors' catalog gaps; exports the service for the portal's pages. */
@Module({ controllers: [PublicCatalogController, CatalogGapsController], providers: [PublicCatalogService], exports: [PublicCatalogService] })
export class PublicCatalogModule {}
