import { PERSONAL_INFORMATION_KIND_LABELS, type PersonalInformationKind } from './masking';

/**
 * A finding as a store keeps it: open until the text no longer carries it (masked, or removed) or a
 * 保密审查 reviewer records the legal reason it may be released as it is (some 公示 must show names).
 */
export type FindingStatus = 'open' | 'masked' | 'justified';

/** An attachment whose text could not be read (a scanned PDF without a text layer): a person must look at it. */
export type StoredFindingKind = PersonalInformationKind | 'unreadable-attachment';

export interface GateFinding {
  readonly kind: StoredFindingKind;
  readonly status: FindingStatus;
  readonly field: string;
  readonly fileName?: string | null;
  readonly page?: number | null;
  /** A spreadsheet's sheet, where a PDF has a page number. */
  readonly pageName?: string | null;
  readonly maskedPreview: string;
}

/** What stops a release: every finding still open. Masked and justified findings no longer do. */
export function releaseBlockers<T extends GateFinding>(findings: readonly T[]): T[] {
  return findings.filter((finding) => finding.status === 'open');
}

const FIELD_LABELS: Readonly<Record<string, string>> = { title: '标题', body: '正文', interpretation: '解读', attachment: '附件' };

export function findingKindLabel(kind: StoredFindingKind): string {
  return kind === 'unreadable-attachment' ? '无法自动检查的附件' : PERSONAL_INFORMATION_KIND_LABELS[kind];
}

/** Where a finding is, as the reviewer reads it: 正文, 附件《名单.pdf》第2页, 附件《名单.xlsx》工作表「公示」. */
export function findingPlace(finding: Pick<GateFinding, 'field' | 'fileName' | 'page' | 'pageName'>): string {
  if (finding.field !== 'attachment') return FIELD_LABELS[finding.field] ?? finding.field;
  if (finding.pageName) return `附件《${finding.fileName ?? ''}》工作表「${finding.pageName}」`;
  return `附件《${finding.fileName ?? ''}》${finding.page ? `第${finding.page}页` : ''}`;
}

/** The refusal a reviewer reads when the 保密审查 approval meets open findings; undefined when none is open. */
export function releaseBlockedMessage(findings: readonly GateFinding[]): string | undefined {
  const open = releaseBlockers(findings);
  if (open.length === 0) return undefined;
  const listed = open.slice(0, 5).map((finding) => `${findingPlace(finding)}的${findingKindLabel(finding.kind)}（${finding.maskedPreview}）`);
  const more = open.length > 5 ? `等${open.length}处` : '';
  return `尚有${open.length}处个人信息未脱敏也未说明公开依据：${listed.join('；')}${more}。请退回起草人脱敏，或由保密审查人员记录公开的法律依据后再通过。`;
}
