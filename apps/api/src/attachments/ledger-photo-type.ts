import { cleanFileName } from './attachment-type';

/**
 * What a photo of a posted or removed notice may be: the formats phones and cameras save (JPEG, PNG, and
 * WebP, which some phones' messaging apps save). Unlike an attachment, a photo is judged by its bytes
 * only: phones name files IMG_0001 or 微信图片_2026…, often without an extension, and the photo never
 * goes to the public, so a name that does not match harms no reader. HEIC (iPhone's default) is refused
 * with a hint, since browsers cannot show it.
 */
export interface LedgerPhotoKind {
  readonly mediaType: string;
  readonly label: string;
  readonly extension: string;
}

const JPEG: LedgerPhotoKind = { mediaType: 'image/jpeg', label: 'JPEG', extension: 'jpg' };
const PNG: LedgerPhotoKind = { mediaType: 'image/png', label: 'PNG', extension: 'png' };
const WEBP: LedgerPhotoKind = { mediaType: 'image/webp', label: 'WebP', extension: 'webp' };

export const LEDGER_PHOTO_KINDS: readonly LedgerPhotoKind[] = [JPEG, PNG, WEBP];

const startsWith = (content: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((byte, index) => content[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The photo's format read from its first bytes, or undefined. */
export function sniffLedgerPhoto(content: Uint8Array): LedgerPhotoKind | undefined {
  if (startsWith(content, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return WEBP;
  return undefined;
}

export type LedgerPhotoCheck = { ok: true; kind: LedgerPhotoKind; fileName: string } | { ok: false; problem: string };

/** Why a file cannot be a ledger photo, in the clerk's words; or its format and the name it is kept under. */
export function checkLedgerPhoto(originalName: string, content: Uint8Array): LedgerPhotoCheck {
  if (content.length === 0) return { ok: false, problem: '照片文件是空的' };
  const kind = sniffLedgerPhoto(content);
  if (!kind) {
    const heic = startsWith(content, ascii('ftyp'), 4) && /^(heic|heix|mif1|hevc)$/.test(String.fromCharCode(...content.subarray(8, 12)));
    return { ok: false, problem: heic ? '照片为 HEIC 格式，浏览器无法显示；请在手机上改为“兼容性最佳”（JPEG）后重新拍摄或导出' : '只能上传 JPEG、PNG 或 WebP 格式的照片，该文件的内容不是图片' };
  }
  const cleaned = cleanFileName(originalName).slice(0, 255);
  return { ok: true, kind, fileName: cleaned || `照片.${kind.extension}` };
}
