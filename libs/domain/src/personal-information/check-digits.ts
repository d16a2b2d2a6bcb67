/**
 * The check characters of the numbers the guard recognises. Each is verified before a digit run counts as
 * that kind of number: most long digit runs in government documents (文号, 项目编号, amounts) are not IDs.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The 18th character of a 居民身份证号码 (GB 11643, ISO 7064 MOD 11-2) from its first 17 digits. */
export function idCardCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`an ID number's first 17 characters are digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

/** Province-level codes (the first two digits of an ID number's address code). */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

/** Whether year-month-day is a day of the Gregorian calendar. */
export function isBirthDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** An 18-character 身份证号: a province code, a real birth date from 1900 on, and the right check character. */
export function isValidIdCard18(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) || !PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099 || !isBirthDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return idCardCheckCharacter(id.slice(0, 17)) === id[17];
}

/** A 15-digit first-generation number (issued until 1999): a province code and a real 19YY birth date; it has no check digit. */
export function isValidIdCard15(value: string): boolean {
  if (!/^\d{15}$/.test(value) || !PROVINCE_CODES.has(value.slice(0, 2))) return false;
  return isBirthDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

/** Whether a digit string passes the Luhn check (bank card numbers). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The Luhn digit that completes a number's leading digits. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(`${body}${digit}`)) return String(digit);
  throw new Error(`not a digit string: ${body}`);
}

/** The 31 characters of a 统一社会信用代码 (digits and capitals without I, O, Z, S, V), in value order. */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a 统一社会信用代码 (GB 32100-2015) from its first 17. */
export function creditCodeCheckCharacter(first17: string): string {
  const code = first17.toUpperCase();
  if (code.length !== 17) throw new Error(`a credit code has 17 characters before its check character: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(code[i]!);
    if (value < 0) throw new Error(`not a credit code character: ${code[i]}`);
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** A 统一社会信用代码: 18 characters of the code alphabet, a region code of digits, the right check character. */
export function isValidCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
