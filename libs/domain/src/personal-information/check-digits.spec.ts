import fc from 'fast-check';
import { creditCodeCheckCharacter, CREDIT_CODE_CHARACTERS, idCardCheckCharacter, isBirthDate, isValidCreditCode, isValidIdCard15, isValidIdCard18, luhnCheckDigit, luhnValid } from './check-digits';
import { findPersonalInformation } from './detector';
import { isAcceptableMask, maskPersonalInformation } from './masking';

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((values) => values.join(''));
/** A valid ID number's first 17 digits: a province, a county, a real birth date, a sequence. */
const idBody = fc
  .record({
    province: fc.constantFrom('11', '31', '33', '44', '51', '65'),
    county: digits(4),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
    sequence: digits(3),
  })
  .map(({ province, county, birth, sequence }) => `${province}${county}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`);
const validId = idBody.map((body) => body + idCardCheckCharacter(body));
const cardNumber = fc.integer({ min: 15, max: 18 }).chain((length) => digits(length - 2)).map((rest) => `62${rest}`).map((body) => body + luhnCheckDigit(body));

describe('身份证号 check character (ISO 7064 MOD 11-2)', () => {
  it('knows the published example', () => {
    // GB 11643-1999's worked example.
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidIdCard18('11010519491231002X')).toBe(true);
    expect(isValidIdCard18('11010519491231002x')).toBe(true);
  });

  it('accepts every number completed with its check character', () => {
    fc.assert(fc.property(validId, (id) => isValidIdCard18(id)));
  });

  it('refuses every other last character', () => {
    fc.assert(fc.property(idBody, fc.constantFrom(...'0123456789X'), (body, last) => {
      fc.pre(last !== idCardCheckCharacter(body));
      return !isValidIdCard18(body + last);
    }));
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, position, shift) => {
        const changed = id.slice(0, position) + String((Number(id[position]) + shift) % 10) + id.slice(position + 1);
        return !isValidIdCard18(changed) || changed.slice(0, 2) !== id.slice(0, 2);
      }),
    );
  });

  it('refuses impossible birth dates whatever the check character', () => {
    expect(isBirthDate(2000, 2, 29)).toBe(true);
    expect(isBirthDate(1900, 2, 29)).toBe(false);
    const feb30 = '33010619850230041';
    expect(isValidIdCard18(feb30 + idCardCheckCharacter(feb30))).toBe(false);
    expect(isValidIdCard15('330106850230041')).toBe(false);
    expect(isValidIdCard15('330106850312041')).toBe(true);
  });
});

describe('bank card numbers (Luhn)', () => {
  it('accepts a number completed with its Luhn digit and refuses any single changed digit', () => {
    fc.assert(
      fc.property(cardNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (card, at, shift) => {
        const position = at % card.length;
        const changed = card.slice(0, position) + String((Number(card[position]) + shift) % 10) + card.slice(position + 1);
        return luhnValid(card) && !luhnValid(changed);
      }),
    );
  });

  it('knows a published test number', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('统一社会信用代码 check character (GB 32100)', () => {
  const codeBody = fc
    .tuple(fc.constantFrom('11', '12', '51', '52', '91', '92', '93'), digits(6), fc.array(fc.constantFrom(...CREDIT_CODE_CHARACTERS), { minLength: 9, maxLength: 9 }))
    .map(([kind, region, rest]) => `${kind}${region}${rest.join('')}`);

  it('accepts every code completed with its check character and refuses every other', () => {
    fc.assert(fc.property(codeBody, fc.constantFrom(...CREDIT_CODE_CHARACTERS), (body, last) => isValidCreditCode(body + last) === (last === creditCodeCheckCharacter(body))));
  });

  it('knows real organisations\' published codes', () => {
    // As printed on the business licences of two well-known companies in Hangzhou and Shenzhen.
    expect(isValidCreditCode('91330100716105852F')).toBe(true);
    expect(isValidCreditCode('91440300708461136T')).toBe(true);
    expect(isValidCreditCode('91330100716105852G')).toBe(false);
    expect(isValidCreditCode('91330100716105852I')).toBe(false); // I is not in the alphabet
  });
});

describe('the standard masking', () => {
  it('masks what it finds into an acceptable form that the detector no longer finds', () => {
    fc.assert(
      fc.property(validId, cardNumber, digits(8), (id, card, mobileRest) => {
        const mobile = `138${mobileRest}`;
        const text = `姓名：张三，身份证号：${id}，手机：${mobile}，银行卡号：${card}`;
        const masked = findPersonalInformation(text).reduceRight((result, match) => result.slice(0, match.start) + match.maskedPreview + result.slice(match.end), text);
        return (
          isAcceptableMask('id-card', maskPersonalInformation('id-card', id)) &&
          isAcceptableMask('mobile', maskPersonalInformation('mobile', mobile)) &&
          isAcceptableMask('bank-card', maskPersonalInformation('bank-card', card)) &&
          findPersonalInformation(masked).length === 0
        );
      }),
    );
  });

  it('writes the forms people expect', () => {
    expect(maskPersonalInformation('id-card', '330106198503120415')).toBe('3301**********0415');
    expect(maskPersonalInformation('mobile', '13800000000')).toBe('138****0000');
    expect(maskPersonalInformation('mobile', '139 0571 6688')).toBe('139 **** 6688');
    expect(maskPersonalInformation('landline', '0571-86012345')).toBe('0571-****2345');
    expect(maskPersonalInformation('bank-card', '6222021203001234565')).toBe('6222***********4565');
    expect(maskPersonalInformation('email', 'huangliping88@163.com')).toBe('h***@163.com');
    expect(maskPersonalInformation('name', '欧阳明华')).toBe('欧***');
    expect(maskPersonalInformation('passport', 'E12345678')).toBe('E******78');
  });

  it('tells acceptable masks from ones that still show too much', () => {
    expect(isAcceptableMask('id-card', '3301**********1234')).toBe(true);
    expect(isAcceptableMask('id-card', '330106********1234')).toBe(true);
    expect(isAcceptableMask('id-card', '33010619850312****')).toBe(false); // the birth date is still there
    expect(isAcceptableMask('mobile', '138****0000')).toBe(true);
    expect(isAcceptableMask('mobile', '1380000****')).toBe(false);
    expect(isAcceptableMask('name', '王*英')).toBe(false);
    expect(isAcceptableMask('name', '王**')).toBe(true);
    expect(isAcceptableMask('name', '王某某')).toBe(true);
  });
});
