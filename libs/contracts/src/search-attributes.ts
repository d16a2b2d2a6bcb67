import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes, for operators in the Temporal UI (not the inbox: visibility lags). */
export const DisclosureStateAttribute = defineSearchAttributeKey('DisclosureState', SearchAttributeType.KEYWORD);
export const DepartmentIdAttribute = defineSearchAttributeKey('DepartmentId', SearchAttributeType.KEYWORD);
export const CatalogItemCodeAttribute = defineSearchAttributeKey('CatalogItemCode', SearchAttributeType.KEYWORD);
export const ReleaseDueAtAttribute = defineSearchAttributeKey('ReleaseDueAt', SearchAttributeType.DATETIME);
/** The open stage, its due instant, and whether the item is overdue. */
export const StageAttribute = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const DueAtAttribute = defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME);
export const OverdueAttribute = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);

/** What the embedded dev server registers at start, and what a production cluster must have. */
export const CUSTOM_SEARCH_ATTRIBUTES = [
  { name: DisclosureStateAttribute.name, type: 'Keyword' },
  { name: DepartmentIdAttribute.name, type: 'Keyword' },
  { name: CatalogItemCodeAttribute.name, type: 'Keyword' },
  { name: ReleaseDueAtAttribute.name, type: 'Datetime' },
  { name: StageAttribute.name, type: 'Keyword' },
  { name: DueAtAttribute.name, type: 'Datetime' },
  { name: OverdueAttribute.name, type: 'Bool' },
] as const;
