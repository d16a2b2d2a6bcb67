/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document (RFC 4180: CRLF line ends). It starts with a UTF-8 byte order mark, because without one
 * Excel reads the file in the local code page and garbles the Chinese.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
