import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { PublicCatalogNotFound, PublicCatalogReader, type PublicCatalogView } from './public-catalog.reader';

export type { PublicCatalogRow, PublicCatalogView } from './public-catalog.reader';

/**
 * The public catalog (能监督): the active catalog per area and department with what was published under each
 * row, as JSON and .xlsx, and the supervisors' rows that are behind. The portal's server-rendered pages call
 * `publicCatalogView(filters)`; an area or department that is not there is a 404.
 */
@Injectable()
export class PublicCatalogService {
  private readonly reader: PublicCatalogReader;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.reader = new PublicCatalogReader(dataSource);
  }

  publicCatalogView(filters: { area?: string; department?: string } = {}): Promise<PublicCatalogView> {
    return notFoundAs404(this.reader.publicCatalogView(filters));
  }

  publicCatalogXlsx(filters: { area?: string; department?: string } = {}): Promise<Buffer> {
    return notFoundAs404(this.reader.publicCatalogXlsx(filters));
  }

  catalogGaps() {
    return notFoundAs404(this.reader.catalogGaps());
  }
}

async function notFoundAs404<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PublicCatalogNotFound) throw ApiError.notFound(error.message);
    throw error;
  }
}
