import { WithStartWorkflowOperation, type Workflow } from '@temporalio/client';
import type { TypedSearchAttributes } from '@temporalio/common';

/**
 * The start half of update-with-start for one business object's workflow: it is started once, and a retried
 * request finds the running one (USE_EXISTING) instead of a second; a closed one is never started again
 * (REJECT_DUPLICATE). Every client that creates a workflow from the API starts it this way.
 */
export function startOrFind(
  workflowType: string,
  options: { readonly workflowId: string; readonly taskQueue: string; readonly input: unknown; readonly typedSearchAttributes?: TypedSearchAttributes | ConstructorParameters<typeof TypedSearchAttributes>[0] },
): WithStartWorkflowOperation<Workflow> {
  return new WithStartWorkflowOperation<Workflow>(workflowType, {
    workflowId: options.workflowId,
    taskQueue: options.taskQueue,
    args: [options.input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    ...(options.typedSearchAttributes ? { typedSearchAttributes: options.typedSearchAttributes } : {}),
  });
}
