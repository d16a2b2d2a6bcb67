import { ApiProperty } from '@nestjs/swagger';
import { PublicCatalogStandingView } from './public-catalog.views';

/**
 * What GET /api/supervision/catalog-gaps answers, documented for the web app's generated types.
 * PublicCatalogReader.catalogGaps builds these shapes from the public catalog's rows; the classes only describe them.
 */

export class CatalogGapRowView {
  @ApiProperty({ example: 'EDU-001' }) code!: string;
  @ApiProperty({ example: '义务教育' }) area!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '信息形成或者变更之日起20个工作日内', description: "the catalog's wording of the time limit" }) timeLimit!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastReleasedAt!: string | null;
  @ApiProperty({ type: PublicCatalogStandingView, description: 'always behind here' }) standing!: PublicCatalogStandingView;
}

export class CatalogGapDepartmentView {
  @ApiProperty({ type: String, nullable: true, description: 'null for rows with no department responsible' }) departmentCode!: string | null;
  @ApiProperty({ example: '县教育局' }) departmentName!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: [CatalogGapRowView] }) rows!: CatalogGapRowView[];
}

export class CatalogGapsView {
  @ApiProperty({ format: 'date', description: 'the day the standings were judged on (China time)' }) asOf!: string;
  @ApiProperty({ format: 'uuid', description: 'the catalog version in force' }) versionId!: string;
  @ApiProperty({ type: [CatalogGapDepartmentView], description: 'the departments with most rows behind first' }) departments!: CatalogGapDepartmentView[];
}
