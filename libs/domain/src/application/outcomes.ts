import { APPLICATION_ROWS, APPLICATION_RESULT_ROWS, type ApplicationRow } from '../reports/annual-report';

/**
 * How an application ends: exactly the 办理结果 rows of the annual report's table 三 (国办公开办函〔2021〕30号),
 * so that the table is counted from the applications and nothing is mapped by hand.
 */
export type ApplicationOutcome = Exclude<ApplicationRow, 'newlyReceived' | 'carriedOver' | 'resultsTotal' | 'carriedForward'>;
export const APPLICATION_OUTCOMES = APPLICATION_RESULT_ROWS as readonly ApplicationOutcome[];

export function isApplicationOutcome(value: unknown): value is ApplicationOutcome {
  return typeof value === 'string' && (APPLICATION_OUTCOMES as readonly string[]).includes(value);
}

/** The heading a result sits under in table 三. */
export type OutcomeCategory = '予以公开' | '部分公开' | '不予公开' | '无法提供' | '不予处理' | '其他处理';

/** The article of the 条例 (or the 办法) a decision rests on, quoted in the reply letter. */
const BASIS: Record<ApplicationOutcome, string> = {
  granted: '条例第三十六条第二项',
  partiallyGranted: '条例第三十七条',
  refusedStateSecret: '条例第十四条、第三十六条第三项',
  refusedProhibitedByLaw: '条例第十四条、第三十六条第三项',
  refusedThreeSecurities: '条例第十四条、第三十六条第三项',
  refusedThirdParty: '条例第十五条、第三十二条、第三十六条第三项',
  refusedInternalAffairs: '条例第十六条第一款、第三十六条第三项',
  refusedProcessInformation: '条例第十六条第二款、第三十六条第三项',
  refusedEnforcementFile: '条例第十六条第二款、第三十六条第三项',
  refusedQueryMatter: '条例第三十六条第三项',
  unableNotHeld: '条例第三十六条第四项',
  unableNeedsCreation: '条例第三十八条',
  unableStillUnclear: '条例第三十条、第三十六条第六项',
  notProcessedPetition: '条例第三十九条第一款',
  notProcessedRepeated: '条例第三十六条第七项',
  notProcessedPublication: '条例第三十九条第二款',
  notProcessedMassRepeated: '条例第三十五条',
  notProcessedConfirmation: '条例第三十九条第二款',
  otherNoCorrection: '条例第三十条',
  otherUnpaidFee: '条例第四十二条、国办函〔2020〕109号第七条',
  otherOther: '条例第三十六条',
};

export interface OutcomeDescription {
  readonly outcome: ApplicationOutcome;
  readonly category: OutcomeCategory;
  /** The row's own words in table 三. */
  readonly label: string;
  readonly basis: string;
  /** Whether information is released to the applicant, so 保密审查 applies to the reply (条例 Art. 17). */
  readonly releasesInformation: boolean;
  /** Ended by the system when a period ran out (deemed withdrawn), not by a reply decision. */
  readonly deemedWithdrawn: boolean;
}

export function describeOutcome(outcome: ApplicationOutcome): OutcomeDescription {
  const row = APPLICATION_ROWS.find((entry) => entry.key === outcome)!;
  const category: OutcomeCategory =
    outcome === 'granted' ? '予以公开'
    : outcome === 'partiallyGranted' ? '部分公开'
    : outcome.startsWith('refused') ? '不予公开'
    : outcome.startsWith('unable') ? '无法提供'
    : outcome.startsWith('notProcessed') ? '不予处理'
    : '其他处理';
  return {
    outcome,
    category,
    label: row.label.replace(/^（[一二三四五六七]）|^\d+\./, ''),
    basis: BASIS[outcome],
    releasesInformation: outcome === 'granted' || outcome === 'partiallyGranted',
    deemedWithdrawn: outcome === 'otherNoCorrection' || outcome === 'otherUnpaidFee',
  };
}

/** The facts a reply letter (告知书) names. */
export interface ReplyLetterFacts {
  readonly queryNumber: string;
  readonly applicantName: string;
  readonly receiptDate: string;
  readonly description: string;
  readonly agencyName: string;
  /** Portal addresses of items already released that the reply cites (条例 Art. 36 (一)). */
  readonly citedItems?: readonly { readonly title: string; readonly url: string }[];
}

/** The letter's opening and its body per category; staff edit it before review. */
export function replyLetterTemplate(outcome: ApplicationOutcome, facts: ReplyLetterFacts): string {
  const description = describeOutcome(outcome);
  const head = `${facts.applicantName}：\n本机关于${facts.receiptDate}收到您（查询号 ${facts.queryNumber}）申请公开“${facts.description}”的政府信息公开申请。`;
  const cited = facts.citedItems?.length ? `\n已主动公开的相关信息：${facts.citedItems.map((item) => `《${item.title}》（${item.url}）`).join('；')}。` : '';
  const bodies: Record<OutcomeCategory, string> = {
    予以公开: `经审查，您申请的信息属于公开范围，根据${description.basis}的规定，现予以公开，信息见附件。`,
    部分公开: `经审查，您申请的信息中部分内容不应公开，根据${description.basis}的规定，本机关作区分处理，向您提供可以公开的部分，信息见附件。`,
    不予公开: `经审查，您申请的信息${description.label}，根据${description.basis}的规定，不予公开。`,
    无法提供: `经查，${description.label}，根据${description.basis}的规定，本机关无法提供。`,
    不予处理: `经审查，您的申请属于“${description.label}”的情形，根据${description.basis}的规定，本机关不予处理。`,
    其他处理: `根据${description.basis}的规定，本机关不再处理您的申请（${description.label}）。`,
  };
  const remedy = '\n如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼（条例第五十一条）。';
  return `${head}\n${bodies[description.category]}${cited}${remedy}\n${facts.agencyName}`;
}
