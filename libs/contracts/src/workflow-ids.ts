/** One workflow per disclosure item, addressed by its business id. */
export function disclosureItemWorkflowId(itemId: string): string {
  return `disclosure-item-${itemId}`;
}

export const DISCLOSURE_ITEM_WORKFLOW_TYPE = 'disclosureItemWorkflow';
