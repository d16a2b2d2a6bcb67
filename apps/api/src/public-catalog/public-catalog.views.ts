import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What GET /api/public/catalog answers (PublicCatalogView of the reader), documented for the OpenAPI document
 * the web app's types are generated from. The reader builds the shapes; the classes only describe them.
 */

export class PublicCatalogDepartmentView {
  @ApiProperty({ example: 'edu' }) code!: string;
  @ApiProperty({ example: '县教育局' }) name!: string;
}

export class PublicCatalogReleaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) releasedAt!: string;
}

export class PublicCatalogReleasesView {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastReleasedAt!: string | null;
  @ApiProperty({ type: [PublicCatalogReleaseView], description: 'the latest few, newest first' }) latest!: PublicCatalogReleaseView[];
}

/** Whether the row is kept up: by its periods (periodic), by its overdue items (event), or not assessed (manual). */
export class PublicCatalogStandingView {
  @ApiProperty({ enum: ['periodic', 'event', 'manual'] }) basis!: string;
  @ApiProperty({ enum: ['up-to-date', 'behind', 'pending', 'not-assessed'] }) status!: string;
  @ApiProperty({ example: '2026年第3季度已按时公开', description: 'the standing in Chinese' }) label!: string;
  @ApiPropertyOptional({ example: '2026年第3季度', description: 'periodic, up to date or behind' }) lastDuePeriod?: string;
  @ApiPropertyOptional({ example: '2026年第4季度', description: 'periodic, pending' }) firstDuePeriod?: string;
  @ApiPropertyOptional({ format: 'date', description: 'periodic, behind or pending (China date)' }) dueDate?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'event' }) overdueItems?: number;
}

export class PublicCatalogRowView {
  @ApiProperty({ example: 'EDU-001' }) code!: string;
  @ApiProperty({ example: '义务教育' }) area!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level1!: string;
  @ApiProperty() level2!: string;
  @ApiProperty({ type: String, nullable: true }) level3!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() timeLimit!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [PublicCatalogDepartmentView] }) departments!: PublicCatalogDepartmentView[];
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ example: '全社会' }) audience!: string;
  @ApiProperty({ example: '主动公开' }) mode!: string;
  @ApiProperty({ type: String, nullable: true, example: '决策公开' }) category!: string | null;
  @ApiProperty({ type: PublicCatalogReleasesView }) releases!: PublicCatalogReleasesView;
  @ApiProperty({ type: PublicCatalogStandingView }) standing!: PublicCatalogStandingView;
}

export class PublicCatalogVersionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026年版' }) label!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
}

export class PublicCatalogFiltersView {
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
  @ApiProperty({ type: PublicCatalogDepartmentView, nullable: true }) department!: PublicCatalogDepartmentView | null;
}

export class PublicCatalogPageView {
  @ApiProperty({ type: PublicCatalogVersionView }) version!: PublicCatalogVersionView;
  @ApiProperty({ format: 'date', description: 'the day the standings were judged on (China time)' }) asOf!: string;
  @ApiProperty({ type: PublicCatalogFiltersView }) filters!: PublicCatalogFiltersView;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ type: [PublicCatalogDepartmentView] }) departments!: PublicCatalogDepartmentView[];
  @ApiProperty({ type: [PublicCatalogRowView] }) rows!: PublicCatalogRowView[];
}
