import { contentFingerprint } from '../disclosure/content-hash';
import { isValidCreditCode, isValidIdCard15, isValidIdCard18, luhnValid } from './check-digits';
import { maskPersonalInformation, normaliseForDetection, type PersonalInformationKind } from './masking';

/** One piece of personal information in one text: where it is (UTF-16 offsets, end exclusive), what, masked. */
export interface PersonalInformationMatch {
  readonly kind: PersonalInformationKind;
  readonly start: number;
  readonly end: number;
  /** The text as written. Kept in memory only: stores keep the fingerprint and the masked preview. */
  readonly value: string;
  readonly maskedPreview: string;
}

/** A 统一社会信用代码 found in a text: the row it is on names an organisation, not a person. */
export interface OrganisationCode {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';
const bounded = (body: string, flags = 'g') => new RegExp(`${NOT_ALNUM_BEFORE}(?:${body})${NOT_ALNUM_AFTER}`, flags);

const CREDIT_CODE = bounded('[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}', 'gi');
const ID_18 = bounded('\\d{17}[\\dXx]');
const ID_15 = bounded('\\d{15}');
const MOBILE = bounded('(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}');
const BANK_CARD = bounded('\\d{4}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?');
const LANDLINE = bounded('(?:[(（]0\\d{2,3}[)）]|0\\d{2,3})[-－— ]?[2-9]\\d{6,7}(?:[-转]\\d{1,5})?');
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;
const DOCUMENT_NUMBER = bounded('[A-Z]{1,2}\\d{6,9}|\\d{8,10}');

/** Words that make a nearby number an account (same line before it, or the column's header). */
const BANK_CONTEXT = /银行|卡号|账号|帐号|账户|帐户|开户|储蓄卡|信用卡|社保卡|一卡通|惠农卡|存折/;
/** Words that make a digit run something else than a card: an identifier of a document, a project, an invoice. */
const NOT_BANK_CONTEXT = /编号|编码|索引号|文号|批号|项目号|合同号|订单号|发票|登记号|许可证号|证书号|流水号|条码|代码|批准号|案号|备案号/;
/** Words that name a number as something else than an ID number. */
const NOT_ID_CONTEXT = /编号|编码|文号|索引号|项目号|合同号|订单号|流水号|批号|案号|备案号|登记号|许可证号|证书号|信用代码/;
/** A bank's card numbers start with these (银联 62, Visa 4, Mastercard 5, JCB/运通 3); others need a context word. */
const CARD_PREFIX = /^(62|4|5[1-5]|3[47]|35|60|9[0-9])/;
/** An office's published line is not personal information: a hotline, a fax, a service counter. */
const INSTITUTIONAL_PHONE = /咨询|监督|举报|投诉|服务|值班|办公|热线|传真|受理|窗口|办事处|中心|[局委办厅院所站队]电话|联系单位|政务/;
const DOCUMENT_CONTEXT = /护照|通行证|台胞证|军官证|士兵证|回乡证|居留证|旅行证|证件号/;
/** Institutional mailboxes: an office's address is published on purpose. */
const INSTITUTIONAL_MAIL = /\.gov\.cn$|\.org\.cn$/i;

interface Claim {
  readonly start: number;
  readonly end: number;
}

const overlaps = (claims: readonly Claim[], start: number, end: number) => claims.some((claim) => start < claim.end && claim.start < end);

function lineAround(text: string, index: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const next = text.indexOf('\n', index);
  return { start, end: next < 0 ? text.length : next };
}

/** A row of a table as text extraction gives it: cells apart by tabs, bars or wide gaps. */
const TABLE_ROW = /\t|\||｜|\S(?: {2,}|\u3000)\S/;

/**
 * Whether a context word stands before a value: on its line (within 40 characters), or, for a value in a
 * table row, in the table's header (the nearest earlier row of the same block that has no long number).
 */
function hasContext(text: string, index: number, words: RegExp): boolean {
  const line = lineAround(text, index);
  if (words.test(text.slice(Math.max(line.start, index - 40), index))) return true;
  if (!TABLE_ROW.test(text.slice(line.start, line.end))) return false;
  let cursor = line.start - 1;
  for (let looked = 0; cursor > 0 && looked < 60; looked++) {
    const previous = lineAround(text, cursor);
    const content = text.slice(previous.start, previous.end);
    if (!content.trim() || !TABLE_ROW.test(content)) return false; // the table ends at a blank line or prose
    if (!/\d{6,}/.test(content)) return words.test(content);
    cursor = previous.start - 1;
  }
  return false;
}

/** An office's own line: a service word right before it, or a signature (an office's name) on the line above a bare "联系电话：". */
function isInstitutionalPhone(text: string, index: number): boolean {
  const line = lineAround(text, index);
  const before = text.slice(Math.max(line.start, index - 12), index);
  if (INSTITUTIONAL_PHONE.test(before)) return true;
  if (!/^[\s（(]*(?:联系)?(?:电话|方式)?[：:\s]*$/.test(text.slice(line.start, index))) return false;
  // The office signs above the line, sometimes with the date between.
  let above = '';
  for (let cursor = line.start - 1, looked = 0; cursor > 0 && looked < 3; looked++) {
    const previous = lineAround(text, cursor);
    above = text.slice(previous.start, previous.end).trim();
    cursor = previous.start - 1;
    if (above && !/^[\d〇零一二三四五六七八九十年月日\s.-]+$/.test(above)) break;
  }
  return /(?:局|委员会|办公室|人民政府|中心|院|所|站|厅|公司)$/.test(above);
}

function collect(text: string, pattern: RegExp, accept: (value: string, index: number) => boolean, claims: Claim[]): { start: number; end: number; value: string }[] {
  const found: { start: number; end: number; value: string }[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(claims, start, end) || !accept(match[0], start)) continue;
    claims.push({ start, end });
    found.push({ start, end, value: match[0] });
  }
  return found;
}

/** The 统一社会信用代码 in a text. */
export function findOrganisationCodes(text: string): OrganisationCode[] {
  const normalised = normaliseForDetection(text);
  return [...normalised.matchAll(CREDIT_CODE)].filter((match) => isValidCreditCode(match[0])).map((match) => ({ start: match.index, end: match.index + match[0].length, value: text.slice(match.index, match.index + match[0].length) }));
}

/**
 * Every piece of personal information in one text, in order. Numbers count only when their check digit, date
 * or context says they are what they look like, so dates, amounts, 文号 and 统一社会信用代码 are left alone.
 */
export function findPersonalInformation(text: string): PersonalInformationMatch[] {
  const normalised = normaliseForDetection(text);
  const claims: Claim[] = [];
  const matches: { kind: PersonalInformationKind; start: number; end: number }[] = [];
  const add = (kind: PersonalInformationKind, spans: { start: number; end: number }[]) => spans.forEach((span) => matches.push({ kind, ...span }));

  // A 项目编号 or 标段编号 often starts with a county code and a date, and may pass the check by chance.
  const namedOtherwise = (index: number) => NOT_ID_CONTEXT.test(normalised.slice(Math.max(lineAround(normalised, index).start, index - 12), index));
  add('id-card', collect(normalised, ID_18, (value, index) => isValidIdCard18(value) && !namedOtherwise(index), claims));
  const organisations = collect(normalised, CREDIT_CODE, (value) => isValidCreditCode(value), claims);
  add('id-card', collect(normalised, ID_15, (value, index) => isValidIdCard15(value) && !namedOtherwise(index), claims));
  add('bank-card', collect(normalised, BANK_CARD, (value, index) => {
    const digits = value.replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) return false;
    // The words right before the number decide first: 项目编号 on an account list is still a project number.
    const before = normalised.slice(Math.max(lineAround(normalised, index).start, index - 12), index);
    if (NOT_BANK_CONTEXT.test(before)) return false;
    if (hasContext(normalised, index, BANK_CONTEXT)) return true;
    return CARD_PREFIX.test(digits) && !hasContext(normalised, index, NOT_BANK_CONTEXT);
  }, claims));
  add('mobile', collect(normalised, MOBILE, () => true, claims));
  add('landline', collect(normalised, LANDLINE, (_value, index) => !isInstitutionalPhone(normalised, index), claims));
  add('email', collect(normalised, EMAIL, (value) => !INSTITUTIONAL_MAIL.test(value), claims));
  add('passport', collect(normalised, DOCUMENT_NUMBER, (_value, index) => hasContext(normalised, index, DOCUMENT_CONTEXT), claims));
  add('name', findNamesBesidePersonalData(normalised, matches, organisations, claims));

  return matches
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end }) => {
      const value = text.slice(start, end);
      return { kind, start, end, value, maskedPreview: maskPersonalInformation(kind, value) };
    });
}

// The commonest surnames (about nine in ten people), single and compound.
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '西门', '南宫', '独孤', '百里', '呼延'];
/** Table words that begin with a surname character but are no one's name. */
const NOT_NAMES = /^(?:合计|总计|小计|金额|余额|方式|文件|安全|万元|明细|平安|高中|初中|小学|石化|常住|程序|管理|申请|严重|计划|车辆|时间|江苏|江西|湖南|湖北|广东|广西|云南|贵州|山东|山西|河南|河北|四川|重庆|上海|北京|天津|浙江|福建|安徽|海南|宁夏|新疆|西藏|吉林|黑龙江|辽宁|甘肃|青海|陕西|内蒙古|台湾|香港|澳门|村民|户主|本人|配偶|子女|父亲|母亲|身份证|身份证号|手机|手机号|手机号码|电话|联系电话|联系方式|银行|银行卡|银行卡号|账号|护照|男|女|汉族|回族|苗族|壮族|满族|备注|序号|姓名|金融|农业|农村|工商|建设|交通|中国|华夏|兴业|光大|民生|邮政|招商|平安银行|广发|浦发|信用社|农商行|城市|全额|全部|全年|元整|公示|公告|通知|决定|名单|发放|补贴|补助|救助|标准|时代|成员|成绩|方案|文化|和平|和谐|花园|金额合计|于是|向阳|明天|明年|国家|国务院|安置|安居|宁波|宣传|常务|齐全|施工|项目|云南省|温州|丁类|甲类|乙类|丙类|江北|江南|海南省|海淀|朝阳|东城|西城|南京|孔雀|龙湾|连续|单位|单人|双人|经营)$/;
/** Words inside a cell that make it a label or a place, not a name. */
const NOT_NAME_WORDS = /编码|编号|坐落|地址|街道|房屋|申请|公示|单位|金额|号码|电话|面积|标准|证件|证号|卡号|账号|合计|日期|时间|备注|手机|邮箱|身份/;
const NAME_CELL = /^[\u4e00-\u9fa5]{1,3}(?:·[\u4e00-\u9fa5]{1,6})?[\u4e00-\u9fa5]$/;
const NAME_KINDS: readonly PersonalInformationKind[] = ['id-card', 'mobile', 'landline', 'bank-card', 'email', 'passport'];

function looksLikeName(cell: string): boolean {
  if (!NAME_CELL.test(cell) || cell.length > 5 || NOT_NAMES.test(cell)) return false;
  if (/[村镇乡区县市省路街号室楼组队局所站厂司行社院校园会委办部科股处厅人]$/.test(cell) || NOT_NAME_WORDS.test(cell)) return false;
  return COMPOUND_SURNAMES.some((surname) => cell.startsWith(surname) && cell.length >= 3) || SURNAMES.has(cell[0]!);
}

/**
 * Names in the rows that carry a person's ID number, phone or account: a 补贴名单 row "张三 3301… 138…"
 * identifies 张三. A row with a 统一社会信用代码 is an organisation's (its 法定代表人 is public), so it is left alone.
 */
function findNamesBesidePersonalData(text: string, found: readonly { kind: PersonalInformationKind; start: number }[], organisations: readonly Claim[], claims: Claim[]): Claim[] {
  const lines = new Map<number, { start: number; end: number }>();
  for (const match of found) {
    if (!NAME_KINDS.includes(match.kind)) continue;
    const line = lineAround(text, match.start);
    lines.set(line.start, line);
  }
  const names: Claim[] = [];
  for (const line of lines.values()) {
    if (organisations.some((code) => code.start >= line.start && code.start < line.end)) continue;
    const content = text.slice(line.start, line.end);
    for (const cell of content.matchAll(/[^\s\t|｜,，;；:：、()（）[\]【】<>《》"“”'‘’0-9A-Za-z*.。-]+/g)) {
      const start = line.start + cell.index;
      const end = start + cell[0].length;
      if (!looksLikeName(cell[0]) || overlaps(claims, start, end)) continue;
      claims.push({ start, end });
      names.push({ start, end });
    }
  }
  return names;
}

/** Where a finding is: a text field of the item, or a page of an attached file. */
export type FindingLocation =
  | { readonly field: 'title' | 'body' | 'interpretation' }
  | { readonly field: 'attachment'; readonly attachmentId: string; readonly fileName: string; readonly page: number };

export interface PersonalInformationFinding extends PersonalInformationMatch {
  readonly location: FindingLocation;
  /**
   * Stable across scans while the value stays where it is: the location, the kind, a fingerprint of the
   * value and which occurrence of it this is. A store keeps a reviewer's decision under this key.
   */
  readonly key: string;
}

export interface ScannableAttachment {
  readonly attachmentId: string;
  readonly fileName: string;
  /** The text of each page, first page first. */
  readonly pages: readonly string[];
}

export function locationKey(location: FindingLocation): string {
  return location.field === 'attachment' ? `attachment:${location.attachmentId}:${location.page}` : location.field;
}

function locate(text: string, location: FindingLocation): PersonalInformationFinding[] {
  const seen = new Map<string, number>();
  return findPersonalInformation(text).map((match) => {
    const base = `${locationKey(location)}:${match.kind}:${contentFingerprint([match.kind, match.value.replace(/[\s-]/g, '')])}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return { ...match, location, key: `${base}:${occurrence}` };
  });
}

/** Every finding in an item's content and in the text of its attachments, page by page. */
export function scanDisclosureContent(
  content: { readonly title: string; readonly body: string; readonly interpretation?: string | null },
  attachments: readonly ScannableAttachment[] = [],
): PersonalInformationFinding[] {
  return [
    ...locate(content.title, { field: 'title' }),
    ...locate(content.body, { field: 'body' }),
    ...(content.interpretation ? locate(content.interpretation, { field: 'interpretation' }) : []),
    ...attachments.flatMap((attachment) =>
      attachment.pages.flatMap((page, index) => locate(page, { field: 'attachment', attachmentId: attachment.attachmentId, fileName: attachment.fileName, page: index + 1 })),
    ),
  ];
}

/** The text with one span replaced by its standard masking: the drafter's "one click to mask". */
export function maskSpan(text: string, kind: PersonalInformationKind, start: number, end: number): string {
  return text.slice(0, start) + maskPersonalInformation(kind, text.slice(start, end)) + text.slice(end);
}

/** The text with every finding replaced by its standard masking: what a public page may show of a citizen's text. */
export function maskPersonalInformationInText(text: string): string {
  return findPersonalInformation(text).reduceRight((result, match) => result.slice(0, match.start) + match.maskedPreview + result.slice(match.end), text);
}
