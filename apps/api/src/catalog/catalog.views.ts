import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ClockStartView, TimeLimitCaseView } from '../items/item.views';

/**
 * What the catalog administration routes answer (目录管理), documented for the OpenAPI document the web app's
 * types are generated from. CatalogService, toCatalogItemResponse and the catalog import build these shapes;
 * the classes only describe them. Instants are ISO 8601 strings.
 */

const VERSION_STATES = ['draft', 'active', 'superseded'] as const;
const AUDIENCES = ['public', 'specific-group', 'both'] as const;
const MODES = ['proactive', 'on-application', 'both'] as const;
const LEVELS = ['county', 'township'] as const;
const RULE = { type: 'object', additionalProperties: true, description: "the machine-readable rule (its `kind` says which)" } as const;

/** A catalog row's 公开时限 as the API spells it: the wording, the rule, and what a drafter gives under it. */
export class CatalogTimeLimitView {
  @ApiProperty({ example: '信息形成或者变更之日起20个工作日内' }) text!: string;
  @ApiProperty(RULE) rule!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) notes!: string[];
  @ApiProperty({ description: 'the rule read back in Chinese' }) description!: string;
  @ApiProperty({ type: ClockStartView, description: 'the event whose date an item is drafted with' }) clockStart!: ClockStartView;
  @ApiProperty({ type: [TimeLimitCaseView], description: 'the cases the drafter chooses between; empty when there is one' }) cases!: TimeLimitCaseView[];
  @ApiProperty({ description: 'no limit can be computed from the rule: the drafter gives the due date and its reason' }) manualDue!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "how long the released item's 公示期 runs, when the rule has one", example: '7个工作日' }) publicityPeriod!: string | null;
}

/** A row of a catalog version (目录事项). */
export class CatalogItemView {
  @ApiProperty({ example: 'EDU-001' }) code!: string;
  @ApiProperty({ description: 'the most specific 事项' }) name!: string;
  @ApiProperty({ description: '领域' }) area!: string;
  @ApiProperty({ description: '一级事项' }) level1!: string;
  @ApiProperty({ description: '二级事项' }) level2!: string;
  @ApiPropertyOptional({ description: '三级事项, when the row has one' }) level3?: string;
  @ApiProperty({ description: '公开内容（要素）' }) content!: string;
  @ApiProperty({ description: '公开依据' }) basis!: string;
  @ApiProperty({ type: CatalogTimeLimitView }) timeLimit!: CatalogTimeLimitView;
  @ApiProperty({ description: '公开主体' }) subject!: string;
  @ApiProperty({ type: [String], description: '责任部门' }) departmentCodes!: string[];
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ enum: AUDIENCES }) audience!: (typeof AUDIENCES)[number];
  @ApiProperty({ enum: MODES }) mode!: (typeof MODES)[number];
  @ApiProperty({ enum: LEVELS, isArray: true }) levels!: (typeof LEVELS)[number][];
  @ApiProperty({ type: String, nullable: true, description: '五公开 category' }) category!: string | null;
  @ApiProperty() needsInterpretation!: boolean;
}

/** The active version's rows matching a search. */
export class CatalogSearchView {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ type: [CatalogItemView] }) items!: CatalogItemView[];
}

export class CatalogVersionSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: VERSION_STATES }) state!: (typeof VERSION_STATES)[number];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) activatedBy!: string | null;
}

export class CatalogVersionListView {
  @ApiProperty({ type: [CatalogVersionSummaryView], description: 'newest first' }) items!: CatalogVersionSummaryView[];
}

/** A row whose 公开时限 the import could not read: an admin sets its rule by hand. */
export class CatalogManualRuleView {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'the catalog wording that could not be read' }) text!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the file it came from' }) file?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'its row there, 1-based' }) row?: number | null;
}

export class CatalogImportWarningView {
  @ApiProperty() file!: string;
  @ApiProperty({ type: 'integer', description: '1-based, as a spreadsheet shows it' }) row!: number;
  @ApiPropertyOptional() column?: string;
  @ApiProperty() message!: string;
}

export class CatalogSheetSummaryView {
  @ApiPropertyOptional({ description: 'the worksheet, in a workbook of several' }) sheet?: string;
  @ApiProperty() area!: string;
  @ApiProperty({ type: 'integer' }) itemCount!: number;
  @ApiProperty({ type: 'integer' }) warningCount!: number;
}

export class CatalogSkippedSheetView {
  @ApiProperty() sheet!: string;
  @ApiProperty() reason!: string;
}

/** One imported file: its areas, counts, sheets and the worksheets that held no catalog. */
export class CatalogImportedFileView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the areas of its sheets, joined with 、' }) area!: string;
  @ApiProperty({ type: 'integer' }) itemCount!: number;
  @ApiProperty({ type: 'integer' }) warningCount!: number;
  @ApiProperty({ type: [CatalogSheetSummaryView] }) sheets!: CatalogSheetSummaryView[];
  @ApiProperty({ type: [CatalogSkippedSheetView] }) skippedSheets!: CatalogSkippedSheetView[];
}

/** What an import read, as stored with the version it made. */
export class CatalogStoredImportView {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty() importedBy!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty({ type: [CatalogImportedFileView] }) files!: CatalogImportedFileView[];
  @ApiProperty({ type: 'integer' }) itemCount!: number;
  @ApiProperty({ type: [CatalogImportWarningView] }) warnings!: CatalogImportWarningView[];
}

export class CatalogVersionDetailView extends CatalogVersionSummaryView {
  @ApiProperty({ type: [CatalogManualRuleView], description: 'rows whose rule an admin must set by hand' }) manualRules!: CatalogManualRuleView[];
  @ApiProperty({ type: CatalogStoredImportView, nullable: true, description: 'null for a version not made by an import (a compilation round)' }) importReport!: CatalogStoredImportView | null;
  @ApiProperty({ type: [CatalogItemView] }) items!: CatalogItemView[];
}

/** An import's answer: the new draft version and what was read. */
export class CatalogImportReportView {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ type: 'integer' }) itemCount!: number;
  @ApiProperty({ type: [CatalogImportedFileView] }) files!: CatalogImportedFileView[];
  @ApiProperty({ type: [CatalogImportWarningView] }) warnings!: CatalogImportWarningView[];
  @ApiProperty({ type: [CatalogManualRuleView] }) manualRules!: CatalogManualRuleView[];
  @ApiProperty({ enum: ['draft'] }) state!: 'draft';
}

export class CatalogActivationView {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the version it replaced; null for the first' }) supersededVersionId!: string | null;
}

export class CatalogDiffTimeLimitView {
  @ApiProperty() text!: string;
  @ApiProperty(RULE) rule!: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String] }) notes?: string[];
}

/** A row as a diff carries it (the domain's catalog item, without the wording the API adds). */
export class CatalogDiffRowView {
  @ApiProperty() code!: string;
  @ApiProperty() area!: string;
  @ApiProperty() level1!: string;
  @ApiProperty() level2!: string;
  @ApiPropertyOptional() level3?: string;
  @ApiProperty() content!: string;
  @ApiProperty() basis!: string;
  @ApiProperty({ type: CatalogDiffTimeLimitView }) timeLimit!: CatalogDiffTimeLimitView;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [String] }) departmentCodes!: string[];
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ enum: AUDIENCES }) audience!: (typeof AUDIENCES)[number];
  @ApiProperty({ enum: MODES }) mode!: (typeof MODES)[number];
  @ApiProperty({ enum: LEVELS, isArray: true }) levels!: (typeof LEVELS)[number][];
  @ApiPropertyOptional({ description: '五公开 category' }) category?: string;
  @ApiProperty() needsInterpretation!: boolean;
}

/** A field's value before or after: whatever the field holds (text, list, flag, rule). */
const ANY_FIELD_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }, { type: 'object', additionalProperties: true }],
  nullable: true,
  description: 'null when the row had no value',
};
const COMPARED_FIELDS = ['area', 'level1', 'level2', 'level3', 'content', 'basis', 'timeLimit', 'subject', 'departmentCodes', 'channels', 'audience', 'mode', 'levels', 'category', 'needsInterpretation'] as const;

export class CatalogFieldChangeView {
  @ApiProperty({ enum: COMPARED_FIELDS }) field!: (typeof COMPARED_FIELDS)[number];
  @ApiProperty(ANY_FIELD_VALUE) from!: unknown;
  @ApiProperty(ANY_FIELD_VALUE) to!: unknown;
}

export class CatalogChangedRowView {
  @ApiProperty() code!: string;
  @ApiProperty({ type: [CatalogFieldChangeView] }) changes!: CatalogFieldChangeView[];
}

/** What changed from version `from` to version `to` (动态调整). */
export class CatalogDiffView {
  @ApiProperty({ format: 'uuid' }) from!: string;
  @ApiProperty({ format: 'uuid' }) to!: string;
  @ApiProperty({ type: [CatalogDiffRowView] }) added!: CatalogDiffRowView[];
  @ApiProperty({ type: [CatalogDiffRowView] }) removed!: CatalogDiffRowView[];
  @ApiProperty({ type: [CatalogChangedRowView] }) changed!: CatalogChangedRowView[];
}
