import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONCERN_KINDS } from '@zwgk/domain';
import { PublicityPeriodView } from '../items/item.views';
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

/** A file of the released edition, downloadable without login. */
export class PublicAttachmentItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size!: number;
  @ApiProperty({ example: '/api/public/items/…/attachments/…' }) downloadPath!: string;
}

/** A response to a public concern (回应关切), without the asker's contact details. */
export class PublicResponseView {
  @ApiProperty({ format: 'uuid', description: 'the concern answered; rated at /api/public/concerns/{id}/ratings' }) id!: string;
  @ApiProperty({ enum: CONCERN_KINDS }) kind!: string;
  @ApiProperty({ example: '群众留言' }) kindLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an incident, which shows only its response' }) question!: string | null;
  @ApiProperty() response!: string;
  @ApiProperty({ example: '县教育局' }) respondent!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

/** A released edition (版次). */
export class PublicEditionView {
  @ApiProperty({ type: 'integer' }) edition!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) releasedAt!: string;
}

/**
 * GET /api/public/items/:id: a released item whole, or of a withdrawn one only its title, department, when
 * and why it was withdrawn (the fields marked "released only" are then absent).
 */
export class PublicItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['RELEASED', 'WITHDRAWN'] }) state!: 'RELEASED' | 'WITHDRAWN';
  @ApiProperty({ example: '县教育局' }) department!: string;
  @ApiPropertyOptional({ description: 'released only' }) body?: string;
  @ApiPropertyOptional({ example: '义务教育', description: 'released only' }) area?: string;
  @ApiPropertyOptional({ enum: PORTAL_CATEGORIES, description: 'released only' }) category?: string;
  @ApiPropertyOptional({ example: '决策公开', description: 'released only' }) categoryLabel?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'released only: the first release' }) releasedAt?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'released only' }) edition?: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: "released only: the shown edition's release" }) updatedAt?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'released only' }) channels?: string[];
  @ApiPropertyOptional({ example: 'EDU-001', description: 'released only' }) catalogItemCode?: string;
  @ApiPropertyOptional({ type: PublicElementsView, description: 'released only' }) elements?: PublicElementsView;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'released only' }) interpretation?: string | null;
  @ApiPropertyOptional({ type: PublicityPeriodView, nullable: true, description: 'released only' }) publicityPeriod?: PublicityPeriodView | null;
  @ApiPropertyOptional({ type: [PublicEditionView], description: 'released only, oldest first' }) editions?: PublicEditionView[];
  @ApiPropertyOptional({ type: [PublicAttachmentItemView], description: 'released only' }) attachments?: PublicAttachmentItemView[];
  @ApiPropertyOptional({ type: [PublicResponseView], description: 'released only, oldest first' }) responses?: PublicResponseView[];
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'withdrawn only' }) withdrawnAt?: string;
  @ApiPropertyOptional({ description: 'withdrawn only' }) withdrawalReason?: string;
}
