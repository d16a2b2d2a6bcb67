import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes, for operators in the Temporal UI (not the inbox: visibility lags). */
export const DisclosureStateAttribute = defineSearchAttributeKey('DisclosureState', SearchAttributeType.KEYWORD);
export const DepartmentCodeAttribute = defineSearchAttributeKey('DepartmentCode', SearchAttributeType.KEYWORD);
export const CatalogItemCodeAttribute = defineSearchAttributeKey('CatalogItemCode', SearchAttributeType.KEYWORD);
export const ReleaseDueAtAttribute = defineSearchAttributeKey('ReleaseDueAt', SearchAttributeType.DATETIME);

/** What the embedded dev server registers at start, and what a production cluster must have. */
export const CUSTOM_SEARCH_ATTRIBUTES = [
  { name: DisclosureStateAttribute.name, type: 'Keyword' },
  { name: DepartmentCodeAttribute.name, type: 'Keyword' },
  { name: CatalogItemCodeAttribute.name, type: 'Keyword' },
  { name: ReleaseDueAtAttribute.name, type: 'Datetime' },
] as const;
