/**
 * What an attachment may be: PDFs and the two image formats every browser and office viewer shows (PNG,
 * JPEG). The type is read from the file's own first bytes; the name's extension and the type the browser
 * declared must agree with it, so a renamed executable or a spoofed Content-Type is refused.
 * WebP and GIF are left out: older office machines and some document systems of the county cannot show
 * WebP, and GIF adds animation without adding anything a disclosure needs.
 */
export interface AttachmentKind {
  readonly mediaType: string;
  readonly label: string;
  readonly extensions: readonly string[];
  /** The file's first bytes. */
  readonly signature: readonly number[];
}

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', label: 'PNG', extensions: ['png'], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'], signature: [0xff, 0xd8, 0xff] },
];

/** Types a browser may declare for any file it does not recognise: they say nothing, so they are not held against the file. */
const UNINFORMATIVE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** Browsers' other spellings of the same types. */
const TYPE_ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

export function sniffAttachmentKind(content: Uint8Array): AttachmentKind | undefined {
  return ATTACHMENT_KINDS.find((kind) => kind.signature.every((byte, index) => content[index] === byte));
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
  const allowed = ATTACHMENT_KINDS.map((kind) => kind.label).join('、');
  if (!fileName) return { ok: false, problem: 'the file has no name' };
  if (fileName.length > 255) return { ok: false, problem: 'the file name is longer than 255 characters' };
  if (content.length === 0) return { ok: false, problem: 'the file is empty' };
  const extension = extensionOf(fileName);
  const byName = ATTACHMENT_KINDS.find((kind) => kind.extensions.includes(extension));
  if (!byName) return { ok: false, problem: `only ${allowed} files can be attached (.pdf, .png, .jpg, .jpeg); this one ends in "${extension ? `.${extension}` : 'no extension'}"` };
  const kind = sniffAttachmentKind(content);
  if (!kind) return { ok: false, problem: `the content is not a ${byName.label} file, whatever its name says` };
  if (kind !== byName) return { ok: false, problem: `the name says ${byName.label} but the content is a ${kind.label} file` };
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const normalised = TYPE_ALIASES[declared] ?? declared;
  if (!UNINFORMATIVE_TYPES.has(normalised) && normalised !== kind.mediaType) {
    return { ok: false, problem: `it was sent as ${declared} but the content is a ${kind.label} file` };
  }
  return { ok: true, kind };
}

/** "20 MB", "512 KB": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
