/**
 * A stable fingerprint of the content a sign-off covers. FNV-1a (64-bit, as two 32-bit halves) is
 * deterministic and needs no Node built-ins, so the workflow can compute it during replay.
 */
export function contentFingerprint(parts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = parts.map((part) => `${part.length}:${part}`).join('|');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ((code * 31) & 0xffff), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
