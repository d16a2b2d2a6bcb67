/** What the guard finds. 统一社会信用代码 is recognised too, but identifies an organisation, never a finding. */
export type PersonalInformationKind = 'id-card' | 'mobile' | 'landline' | 'bank-card' | 'email' | 'passport' | 'name';

export const PERSONAL_INFORMATION_KINDS: readonly PersonalInformationKind[] = ['id-card', 'mobile', 'landline', 'bank-card', 'email', 'passport', 'name'];

export const PERSONAL_INFORMATION_KIND_LABELS: Readonly<Record<PersonalInformationKind, string>> = {
  'id-card': '身份证号',
  mobile: '手机号码',
  landline: '固定电话',
  'bank-card': '银行卡号',
  email: '电子邮箱',
  passport: '护照及其他证件号码',
  name: '姓名',
};

/** Full-width digits and letters read as their ASCII twins. One character for one, so offsets stay those of the text. */
export function normaliseForDetection(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

const keep = (value: string, head: number, tail: number): string => {
  const chars = [...value];
  if (head + tail >= chars.length) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
};

/**
 * The standard masking (脱敏) of a value: what "one click to mask" writes into the text. It keeps what a
 * reader may still need to tell two entries apart (an ID number's region and last four, a phone's last
 * four) and hides the rest, keeping the length. Separators in grouped numbers are kept where they were.
 */
export function maskPersonalInformation(kind: PersonalInformationKind, written: string): string {
  const value = normaliseForDetection(written);
  switch (kind) {
    case 'id-card':
      return maskDigits(value, 4, 4); // 3301**********1234
    case 'mobile':
      return maskDigits(value, 3, 4, /^\+?86[\s-]?/); // 138****0000
    case 'landline': {
      // The area code stays (it says which county office), the local number keeps its last four.
      const match = /^(\(?0\d{2,3}\)?[-－—\s]?)(.*)$/.exec(value);
      return match ? match[1] + maskDigits(match[2]!, 0, 4) : maskDigits(value, 0, 4);
    }
    case 'bank-card':
      return maskDigits(value, 4, 4); // 6222***********1234
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, 1)}***${value.slice(at)}`; // z***@example.com
    }
    case 'passport':
      return keep(value, 1, 2); // E******78
    case 'name':
      return keep(value, 1, 0); // 张*、欧阳**
  }
}

/** Masks the digits (and a trailing X) of a number, skipping separators and an optional prefix such as +86. */
function maskDigits(value: string, head: number, tail: number, prefix?: RegExp): string {
  const kept = prefix?.exec(value)?.[0] ?? '';
  const rest = value.slice(kept.length);
  const positions = [...rest].flatMap((char, index) => (/[0-9Xx]/.test(char) ? [index] : []));
  const chars = [...rest];
  positions.forEach((position, order) => {
    if (order >= head && order < positions.length - tail) chars[position] = '*';
  });
  return kept + chars.join('');
}

const MASK = /[*＊×xX●•]/;

/**
 * Whether a written value is masked well enough to be released: the parts that identify a person are
 * hidden. Other maskings than the standard one are accepted when they hide at least as much (a 身份证号
 * must hide the birth date, a phone number the middle four).
 */
export function isAcceptableMask(kind: PersonalInformationKind, text: string): boolean {
  const chars = [...text.replace(/[\s-]/g, '')];
  const hidden = (from: number, to: number) => chars.slice(from, to).every((char) => MASK.test(char));
  switch (kind) {
    case 'id-card':
      return (chars.length === 18 && hidden(6, 14)) || (chars.length === 15 && hidden(6, 12));
    case 'mobile':
      return chars.length === 11 && hidden(3, 7);
    case 'landline':
      return chars.length >= 7 && chars.filter((char) => MASK.test(char)).length >= 3;
    case 'bank-card':
      return chars.length >= 16 && chars.length <= 19 && hidden(6, chars.length - 4);
    case 'email':
      return /^[^@]{0,2}[*＊]+[^@]{0,2}@/.test(text);
    case 'passport':
      return chars.length >= 6 && chars.filter((char) => MASK.test(char)).length >= chars.length - 4;
    case 'name':
      return chars.length >= 2 && (hidden(1, chars.length) || /^.某{1,2}$/.test(text));
  }
}
