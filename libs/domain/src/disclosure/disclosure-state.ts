/** The lifecycle states of a disclosure item (docs/product.md). */
export type DisclosureState = 'DRAFT' | 'IN_REVIEW' | 'RETURNED' | 'REJECTED' | 'APPROVED' | 'RELEASED' | 'WITHDRAWN';

export const DISCLOSURE_STATE_LABELS: Readonly<Record<DisclosureState, string>> = {
  DRAFT: '草稿',
  IN_REVIEW: '审核中',
  RETURNED: '退回修改',
  REJECTED: '不予公开',
  APPROVED: '已签发',
  RELEASED: '已发布',
  WITHDRAWN: '已撤回',
};
