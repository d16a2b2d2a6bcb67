import { formatSize } from '../../format';
import type { AttachmentLimits, CatalogItemView } from '../../item-types';

/** The API's defaults, used until GET /api/attachments/limits answers. */
export const DEFAULT_LIMITS: AttachmentLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFilesPerItem: 10,
  types: [
    { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'], spreadsheet: false },
    { mediaType: 'image/png', label: 'PNG', extensions: ['png'], spreadsheet: false },
    { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'], spreadsheet: false },
    { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', extensions: ['xlsx'], spreadsheet: true },
    { mediaType: 'text/csv', label: 'CSV', extensions: ['csv'], spreadsheet: true },
  ],
};

/** "PDF、PNG、JPEG 文件或 XLSX、CSV 表格": what may be attached. */
export function allowedTypesText(limits: AttachmentLimits): string {
  const documents = limits.types.filter((type) => !type.spreadsheet).map((type) => type.label).join('、');
  const spreadsheets = limits.types.filter((type) => type.spreadsheet).map((type) => type.label).join('、');
  return spreadsheets ? `${documents} 文件或 ${spreadsheets} 表格` : `${documents} 文件`;
}

/** Only a draft or a returned item is the drafter's to change. */
export const EDITABLE_STATES = ['DRAFT', 'RETURNED'];

export function typeLabel(limits: AttachmentLimits, fileName: string, mediaType?: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  return limits.types.find((type) => type.mediaType === mediaType || type.extensions.includes(extension))?.label ?? (extension.toUpperCase() || '未知类型');
}

/** The browser's own check before sending (the API checks the bytes again): type by name, size, count. */
export function checkChosenFile(limits: AttachmentLimits, file: File): string | undefined {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  const allowed = limits.types.flatMap((type) => type.extensions);
  if (!allowed.includes(extension)) return `${file.name}：只能上传 ${allowedTypesText(limits)}`;
  if (file.size === 0) return `${file.name}：文件是空的`;
  if (file.size > limits.maxFileBytes) return `${file.name}：${formatSize(file.size)}，超过每个附件 ${formatSize(limits.maxFileBytes)} 的上限`;
  return undefined;
}

/** What the clock start day is for under the row's rule: the chosen case's count, or the manual date's lower bound. */
export function formedAtHint(timeLimit: CatalogItemView['timeLimit'], caseDescription: string | undefined, manualDue: boolean): string {
  if (manualDue) return '公开截止日期由下方人工填写，不得早于这一天';
  const description = caseDescription ?? timeLimit?.description;
  return `${description ? `公开时限：${description}，` : '法定公开时限'}从这一天的次日起算`;
}
