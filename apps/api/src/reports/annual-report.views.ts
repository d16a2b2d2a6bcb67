import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObjectMetadata } from '@nestjs/swagger/dist/interfaces/schema-object-metadata.interface';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, REVIEW_LITIGATION_GROUPS, REVIEW_OUTCOME_COLUMNS } from '@zwgk/domain';
import { EDITABLE_SECTIONS } from './annual-report.service';

/**
 * What GET /api/reports/annual and PUT /api/reports/annual/:year/inputs answer, and the inputs the PUT takes,
 * documented for the OpenAPI document the web app's types are generated from. AnnualReportService.report builds
 * the report; validateAnnualReportInputs (@zwgk/domain) checks the inputs. The classes only describe them.
 */

const FIGURE_SOURCES = ['system', 'input'];
const APPLICATION_COLUMN_KEYS = APPLICATION_COLUMNS.map((column) => column.key);
const REVIEW_OUTCOME_KEYS = REVIEW_OUTCOME_COLUMNS.map((column) => column.key);

/** One figure and where it came from; `value` is null for an input nobody has entered yet. */
export class AnnualReportFigureView {
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ enum: FIGURE_SOURCES, description: "counted from the system's records, or entered by the disclosure office" }) source!: 'system' | 'input';
}

class AnnualReportTextSectionView {
  @ApiProperty({ example: '一、总体情况' }) title!: string;
  @ApiProperty() editable!: boolean;
  @ApiProperty({ enum: ['input'] }) source!: 'input';
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
}

class AnnualReportDocumentRowView {
  @ApiProperty({ enum: ['rules', 'normativeDocuments'] }) key!: 'rules' | 'normativeDocuments';
  @ApiProperty({ example: '规章' }) label!: string;
  @ApiProperty({ type: AnnualReportFigureView, description: '本年制发件数' }) issued!: AnnualReportFigureView;
  @ApiProperty({ type: AnnualReportFigureView, description: '本年废止件数' }) repealed!: AnnualReportFigureView;
  @ApiProperty({ type: AnnualReportFigureView, description: '现行有效件数' }) inForce!: AnnualReportFigureView;
}

class AnnualReportDecisionRowView {
  @ApiProperty({ enum: ['licensingDecisions', 'punishmentDecisions', 'compulsionDecisions', 'feesTenThousandYuan'] }) key!:
    | 'licensingDecisions'
    | 'punishmentDecisions'
    | 'compulsionDecisions'
    | 'feesTenThousandYuan';
  @ApiProperty({ example: '行政许可' }) label!: string;
  @ApiProperty({ example: '本年处理决定数量' }) measure!: string;
  @ApiProperty({ type: AnnualReportFigureView }) figure!: AnnualReportFigureView;
}

/** How the 行政规范性文件 row is counted. */
class NormativeDocumentMappingView {
  @ApiProperty() issued!: string;
  @ApiProperty() repealed!: string;
  @ApiProperty() inForce!: string;
}

class AnnualReportActiveDisclosureView {
  @ApiProperty({ example: '二、主动公开政府信息情况' }) title!: string;
  @ApiProperty() editable!: boolean;
  @ApiProperty({ type: [AnnualReportDocumentRowView] }) documents!: AnnualReportDocumentRowView[];
  @ApiProperty({ type: [AnnualReportDecisionRowView] }) decisions!: AnnualReportDecisionRowView[];
  @ApiProperty({ type: NormativeDocumentMappingView }) mapping!: NormativeDocumentMappingView;
}

/** How table 三 is counted. */
class ApplicationTableMappingView {
  @ApiProperty() newlyReceived!: string;
  @ApiProperty() carriedOver!: string;
  @ApiProperty() results!: string;
  @ApiProperty() carriedForward!: string;
  @ApiProperty() entered!: string;
}

class AnnualReportApplicationColumnView {
  @ApiProperty({ enum: [...APPLICATION_COLUMN_KEYS, 'total'] }) key!: string;
  @ApiProperty({ example: '自然人' }) label!: string;
  @ApiProperty({ type: String, nullable: true, example: '法人或其他组织' }) group!: string | null;
}

const FIGURES_BY_COLUMN = { type: 'object', additionalProperties: { $ref: getSchemaPath(AnnualReportFigureView) }, description: 'by applicant column (the columns\' keys, without total)' } as const;

class AnnualReportApplicationRowView {
  @ApiProperty({ enum: APPLICATION_ROWS.map((row) => row.key) }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the 办理结果 heading the row sits under' }) group!: string | null;
  @ApiProperty({ ...FIGURES_BY_COLUMN, description: "the system's count plus the office's entry, by applicant column" }) cells!: Record<string, AnnualReportFigureView>;
  @ApiProperty({ type: AnnualReportFigureView }) total!: AnnualReportFigureView;
  @ApiProperty({ ...FIGURES_BY_COLUMN, description: "the office's own part (applications handled outside the system), which its form edits" }) enteredCells!: Record<string, AnnualReportFigureView>;
}

class AnnualReportApplicationsView {
  @ApiProperty({ example: '三、收到和处理政府信息公开申请情况' }) title!: string;
  @ApiProperty() editable!: boolean;
  @ApiProperty({ enum: ['system'] }) source!: 'system';
  @ApiProperty({ description: 'the office has entered applications handled outside the system' }) entered!: boolean;
  @ApiProperty({ type: ApplicationTableMappingView }) mapping!: ApplicationTableMappingView;
  @ApiProperty({ type: [AnnualReportApplicationColumnView] }) columns!: AnnualReportApplicationColumnView[];
  @ApiProperty({ type: [AnnualReportApplicationRowView] }) rows!: AnnualReportApplicationRowView[];
}

class AnnualReportReviewCellView extends AnnualReportFigureView {
  @ApiProperty({ enum: REVIEW_OUTCOME_KEYS }) key!: string;
  @ApiProperty({ example: '结果维持' }) label!: string;
}

class AnnualReportReviewGroupView {
  @ApiProperty({ enum: REVIEW_LITIGATION_GROUPS.map((group) => group.key) }) key!: string;
  @ApiProperty({ example: '行政复议' }) label!: string;
  @ApiProperty({ type: String, nullable: true, example: '行政诉讼' }) parent!: string | null;
  @ApiProperty({ type: [AnnualReportReviewCellView] }) cells!: AnnualReportReviewCellView[];
}

class AnnualReportReviewLitigationView {
  @ApiProperty({ example: '四、政府信息公开行政复议、行政诉讼情况' }) title!: string;
  @ApiProperty() editable!: boolean;
  @ApiProperty({ enum: ['input'] }) source!: 'input';
  @ApiProperty() entered!: boolean;
  @ApiProperty({ type: [AnnualReportReviewGroupView] }) groups!: AnnualReportReviewGroupView[];
}

class AnnualReportSectionsView {
  @ApiProperty({ type: AnnualReportTextSectionView }) overview!: AnnualReportTextSectionView;
  @ApiProperty({ type: AnnualReportActiveDisclosureView }) activeDisclosure!: AnnualReportActiveDisclosureView;
  @ApiProperty({ type: AnnualReportApplicationsView }) applications!: AnnualReportApplicationsView;
  @ApiProperty({ type: AnnualReportReviewLitigationView }) reviewLitigation!: AnnualReportReviewLitigationView;
  @ApiProperty({ type: AnnualReportTextSectionView }) problems!: AnnualReportTextSectionView;
  @ApiProperty({ type: AnnualReportTextSectionView }) otherMatters!: AnnualReportTextSectionView;
}

/** 政府信息公开工作年度报告 for a year: the system's counts, the office's inputs, and the report's own deadline. */
export class AnnualReportView {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ example: '2026年政府信息公开工作年度报告' }) title!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'published by January 31 of the next year (条例第四十九条)' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer', description: '0 until the inputs are first saved' }) revision!: number;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ enum: EDITABLE_SECTIONS, isArray: true }) editableSections!: string[];
  @ApiProperty({ type: AnnualReportSectionsView }) sections!: AnnualReportSectionsView;
}

class DocumentCountsInput {
  @ApiProperty({ type: 'integer', minimum: 0, description: '本年制发件数' }) issued!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: '本年废止件数' }) repealed!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: '现行有效件数' }) inForce!: number;
}

const countsBy = (keys: readonly string[]): SchemaObjectMetadata => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((key): [string, SchemaObjectMetadata] => [key, { type: 'integer', minimum: 0 }])),
  required: [...keys],
});

/**
 * Everything the office types in (AnnualReportInputs); an absent part is not filled in yet. The domain's
 * validateAnnualReportInputs checks it (and the tables' arithmetic) and names every bad cell.
 */
export class AnnualReportInputsBody {
  @ApiPropertyOptional({ maxLength: 20_000, description: '一、总体情况' }) overview?: string;
  @ApiPropertyOptional({ type: DocumentCountsInput, description: '规章: entered, this system does not handle rules' }) rules?: DocumentCountsInput;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: '行政许可 本年处理决定数量' }) licensingDecisions?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: '行政处罚 本年处理决定数量' }) punishmentDecisions?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: '行政强制 本年处理决定数量' }) compulsionDecisions?: number;
  @ApiPropertyOptional({ type: 'number', minimum: 0, description: '行政事业性收费 本年收费金额（万元），最多 4 位小数' }) feesTenThousandYuan?: number;
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(APPLICATION_ROWS.map((row) => [row.key, countsBy(APPLICATION_COLUMN_KEYS)])),
    required: APPLICATION_ROWS.map((row) => row.key),
    description: '表三: only applications handled outside the system; the report adds them to its counts',
  })
  applications?: Record<string, Record<string, number>>;
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(REVIEW_LITIGATION_GROUPS.map((group) => [group.key, countsBy(REVIEW_OUTCOME_KEYS)])),
    required: REVIEW_LITIGATION_GROUPS.map((group) => group.key),
    description: '表四',
  })
  reviewLitigation?: Record<string, Record<string, number>>;
  @ApiPropertyOptional({ maxLength: 20_000, description: '五、存在的主要问题及改进情况' }) problems?: string;
  @ApiPropertyOptional({ maxLength: 20_000, description: '六、其他需要报告的事项' }) otherMatters?: string;
}
