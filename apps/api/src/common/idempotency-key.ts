import { createHash } from 'node:crypto';
import { ApiError } from './api-error';

/** Reads the Idempotency-Key header: 1–200 visible ASCII characters, or absent. */
export function readIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw ApiError.invalid('Idempotency-Key', '幂等键（Idempotency-Key）须为 1 至 200 个可见 ASCII 字符');
  }
  return value;
}

/** A UUID derived from a scope and key, so the same request always names the same resource. */
export function uuidFromKey(scope: string, key: string): string {
  const hex = createHash('sha256').update(`${scope}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
