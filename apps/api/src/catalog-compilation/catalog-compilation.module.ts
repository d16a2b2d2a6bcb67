import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CatalogCompilationClient } from './catalog-compilation.client';
import { CatalogCompilationController } from './catalog-compilation.controller';
import { CatalogCompilationService } from './catalog-compilation.service';

/** Catalog compilation rounds (目录编制, 动态调整) on their workflow. */
@Module({ imports: [CatalogModule], controllers: [CatalogCompilationController], providers: [CatalogCompilationService, CatalogCompilationClient] })
export class CatalogCompilationModule {}
