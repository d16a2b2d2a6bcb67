/** The two helpers every server-rendered page builds its markup with. */

/** Text for element content and attribute values, with the five markup characters escaped. */
export function html(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** A date as the portal shows it, in China time: 2026年3月2日. */
export function chinaDate(value: Date | string | null | undefined): string {
  return value ? dateOnly.format(new Date(value)) : '—';
}
