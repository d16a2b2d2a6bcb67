import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PORTAL_CATEGORIES } from './public-categories';

/**
 * What the portal's listing and counts answer, documented for the OpenAPI document (the web app's types are
 * generated from it). The service builds these shapes; the classes only describe them.
 */

/** The six catalog elements (六要素) the public sees with every item. */
export class PublicElementsView {
  @ApiProperty({ example: '招生管理 / 招生政策' }) name!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() content!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: '信息形成或者变更之日起20个工作日内' }) timeLimit!: string;
  @ApiProperty({ example: '主动公开' }) mode!: string;
}

export class PublicListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '义务教育' }) area!: string;
  @ApiProperty({ enum: PORTAL_CATEGORIES, description: '五公开 category' }) category!: string;
  @ApiProperty({ example: '决策公开' }) categoryLabel!: string;
  @ApiProperty({ example: '县教育局' }) department!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the first release' }) releasedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'the released edition' }) edition!: number;
  @ApiProperty({ format: 'date-time', description: "the released edition's release" }) updatedAt!: string;
  @ApiProperty({ example: 'EDU-001' }) catalogItemCode!: string;
  @ApiProperty({ type: PublicElementsView }) elements!: PublicElementsView;
  @ApiProperty({ description: 'the start of the body, around the first search term' }) snippet!: string;
  @ApiPropertyOptional({ description: 'with a search only' }) relevance?: number;
}

export class PublicItemPageView {
  @ApiProperty({ type: [PublicListItemView] }) items!: PublicListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
  @ApiPropertyOptional({ enum: ['recent'], description: 'said only when a search has too many matches to rank, and is ordered newest first' }) ranking?: 'recent';
}

export class PublicAreaCountView {
  @ApiProperty() area!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class PublicCategoryCountView {
  @ApiProperty({ enum: PORTAL_CATEGORIES }) category!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class PublicFacetsView {
  @ApiProperty({ type: 'integer', description: 'released items under the filters' }) total!: number;
  @ApiProperty({ type: [PublicAreaCountView] }) areas!: PublicAreaCountView[];
  @ApiProperty({ type: [PublicCategoryCountView] }) categories!: PublicCategoryCountView[];
}
