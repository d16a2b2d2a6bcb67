/**
 * What an attachment may be: PDFs and the two image formats every browser and office viewer shows (PNG,
 * JPEG), and the two spreadsheet formats a 公示 list usually comes in (.xlsx, .csv), so the list is published
 * as the department keeps it and its text is checked for personal information sheet by sheet.
 * The legacy .xls (a binary OLE file no text library here reads) is left out, like .docx (publish a PDF). The type is read from the file's own first bytes; the name's extension and the type the browser
 * declared must agree with it, so a renamed executable or a spoofed Content-Type is refused.
 * WebP and GIF are left out: older office machines and some document systems of the county cannot show
 * WebP, and GIF adds animation without adding anything a disclosure needs.
 */
export interface AttachmentKind {
  readonly mediaType: string;
  readonly label: string;
  readonly extensions: readonly string[];
  /** The file's first bytes (none for CSV, which is plain text). */
  readonly signature: readonly number[];
  /** A spreadsheet: named apart from documents and images in the list of what may be attached. */
  readonly spreadsheet?: true;
}

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', label: 'PNG', extensions: ['png'], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'], signature: [0xff, 0xd8, 0xff] },
  { mediaType: XLSX_MEDIA_TYPE, label: 'XLSX', extensions: ['xlsx'], signature: [0x50, 0x4b, 0x03, 0x04], spreadsheet: true }, // a ZIP with xl/workbook.xml
  { mediaType: 'text/csv', label: 'CSV', extensions: ['csv'], signature: [], spreadsheet: true },
];

/** "PDF、PNG、JPEG 文件或 XLSX、CSV 表格": what may be attached, as the refusals and the form's hint say it. */
export function allowedKindsText(filesWord: string, spreadsheetsWord: string, or: string): string {
  const documents = ATTACHMENT_KINDS.filter((kind) => !kind.spreadsheet).map((kind) => kind.label).join('、');
  const spreadsheets = ATTACHMENT_KINDS.filter((kind) => kind.spreadsheet).map((kind) => kind.label).join('、');
  return `${documents}${filesWord}${or}${spreadsheets}${spreadsheetsWord}`;
}

/** Types a browser may declare for any file it does not recognise: they say nothing, so they are not held against the file. */
const UNINFORMATIVE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** Browsers' other spellings of the same types. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  // Windows with Excel installed sends .csv as an Excel type; some browsers as plain text.
  'application/vnd.ms-excel': 'text/csv',
  'text/plain': 'text/csv',
  'application/csv': 'text/csv',
};

/** A ZIP is an .xlsx when it holds the workbook part (a .docx holds word/, a plain archive neither). */
function isXlsxPackage(content: Uint8Array): boolean {
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength).includes('xl/workbook.xml', 0, 'latin1');
}

/** Plain text: no NUL byte and no other control character than tab and line ends (what a .csv is). */
function isPlainText(content: Uint8Array): boolean {
  const head = content.subarray(0, 64 * 1024);
  return !head.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
}

export function sniffAttachmentKind(content: Uint8Array): AttachmentKind | undefined {
  const kind = ATTACHMENT_KINDS.find((candidate) => candidate.signature.length > 0 && candidate.signature.every((byte, index) => content[index] === byte));
  if (kind?.mediaType === XLSX_MEDIA_TYPE && !isXlsxPackage(content)) return undefined;
  if (kind) return kind;
  return isPlainText(content) ? ATTACHMENT_KINDS.find((candidate) => candidate.mediaType === 'text/csv') : undefined;
}

/** A file name as it will be stored and offered for download: no folders, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().normalize('NFC');
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export type AttachmentCheck = { ok: true; kind: AttachmentKind } | { ok: false; problem: string };

/** Why a file cannot be attached, in words that name what is wrong with it; or its real kind. */
export function checkAttachment(fileName: string, declaredType: string, content: Uint8Array): AttachmentCheck {
  const allowed = allowedKindsText('文件', '表格', '或');
  if (!fileName) return { ok: false, problem: '文件没有名称' };
  if (fileName.length > 255) return { ok: false, problem: '文件名不能超过 255 个字符' };
  if (content.length === 0) return { ok: false, problem: '文件是空的' };
  const extension = extensionOf(fileName);
  const byName = ATTACHMENT_KINDS.find((kind) => kind.extensions.includes(extension));
  if (!byName) return { ok: false, problem: `只能上传${allowed}（${ATTACHMENT_KINDS.flatMap((kind) => kind.extensions.map((extension) => `.${extension}`)).join('、')}），该文件${extension ? `的扩展名为“.${extension}”` : '没有扩展名'}` };
  const kind = sniffAttachmentKind(content);
  if (!kind) return { ok: false, problem: `文件内容不是${byName.label}格式，与文件名不符` };
  if (kind !== byName) return { ok: false, problem: `文件名表明是${byName.label}，但内容是${kind.label}格式` };
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const normalised = TYPE_ALIASES[declared] ?? declared;
  if (!UNINFORMATIVE_TYPES.has(normalised) && normalised !== kind.mediaType) {
    return { ok: false, problem: `文件以 ${declared} 类型上传，但内容是${kind.label}格式` };
  }
  return { ok: true, kind };
}

/** "20 MB", "512 KB": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
