import { ActivityFailure, type ApplicationFailure, condition, patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { DisclosureActivities } from '@zwgk/activities';
import { DepartmentIdAttribute, DisclosureStateAttribute, type ActorRef, type DisclosureItemInput, type DisclosureItemView } from '@zwgk/contracts';
import { catalogItemName, type DisclosureState } from '@zwgk/domain/workflow';
import { ACTIVITY_OPTIONS, printable, REQUEST_ACTIVITY_OPTIONS } from '../workflow-support';
import { itemView, type ItemState, type ReleasedEdition } from './state';

export const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);
// The writes that carry a person's request while it waits: they give up after a few attempts (see there).
export const requestActivities = proxyActivities<DisclosureActivities>(REQUEST_ACTIVITY_OPTIONS);
// Calendar look-ups (pure computations over the calendar in force): local activities, recorded as one
// marker each instead of a scheduled/started/completed round trip through the server.
const calendarLookups = proxyLocalActivities<DisclosureActivities>({ startToCloseTimeout: '10 seconds', retry: ACTIVITY_OPTIONS.retry });

export type Activities = typeof activities;
export type AuditRecord = Parameters<DisclosureActivities['recordAuditEvent']>[0];
export type AuditFields = Omit<AuditRecord, 'eventKey' | 'itemId' | 'occurredAt'>;

export function primaryRole(actor: ActorRef): string | undefined {
  return actor.roles[0];
}

/**
 * What every part of an item's workflow shares: its input, its state, whether its history is lean, and the
 * writes that every step makes the same way (audit rows, refusals, search attributes, the state's row).
 */
export interface ItemContext {
  readonly input: DisclosureItemInput;
  readonly s: ItemState;
  readonly workflowId: string;
  /** patched('lean-item'): see patches.ts. */
  readonly lean: boolean;
  /** patched(id), answered true without asking in a run that took every item patch at once (see patches.ts). */
  readonly patched: (patchId: string) => boolean;
  /** The calendar's answers: local activities in a lean history, full activities in an older one. */
  readonly calendar: Activities;
  readonly now: () => string;
  readonly view: () => DisclosureItemView;
  /** An audit row of this item's step, keyed by the step so that a retried write stores it once. */
  readonly auditRecord: (step: string, fields: AuditFields) => AuditRecord;
  readonly audit: (step: string, fields: AuditFields, via?: Activities) => Promise<void>;
  /**
   * Records a request that could not be applied and tells the supervisors and the sender. Best effort:
   * when the database is what failed these fail too, and the refusal the sender got is the record.
   */
  readonly reportRefusal: (step: string, actor: ActorRef, request: string, refusal: ApplicationFailure, taskId?: string) => Promise<void>;
  /** Sets search attributes: at once in an older history, gathered until the workflow waits in a lean one. */
  readonly upsert: (pairs: SearchAttributeUpdatePair[]) => void;
  /** Upserts the attributes whose values changed since the last upsert, in one command. */
  readonly flushAttributes: () => void;
  /** In a lean history with operators' attributes, starts the coroutine that flushes them whenever the workflow waits. */
  readonly startAttributeFlush: () => void;
  readonly setState: (next: DisclosureState, extra?: { releasedAt?: string; withdrawalReason?: string }, via?: Activities) => Promise<void>;
  /** Waits until the main loop has finished the request just accepted; answers with its refusal or the view. */
  readonly awaitStep: () => Promise<DisclosureItemView>;
  /** Finishes the waiting request's step without applying it: its Update answers with the refusal. */
  readonly refuseStep: (refusal: ApplicationFailure) => void;
  readonly channelRequest: (channel: string, release: ReleasedEdition) => ReturnType<typeof channelRequestOf>;
}

function channelRequestOf(input: DisclosureItemInput, channel: string, release: ReleasedEdition) {
  return {
    itemId: input.itemId,
    revision: release.revision,
    channel,
    ...release.content,
    contentHash: release.contentHash,
    releasedAt: release.releasedAt,
    departmentCode: input.drafter.departmentCode,
    catalogItemName: catalogItemName(input.catalogItem),
  };
}

export function createItemContext(input: DisclosureItemInput, s: ItemState, lean: boolean, everyPatchAtOnce: boolean): ItemContext {
  const workflowId = workflowInfo().workflowId;
  const now = () => new Date().toISOString();
  const auditRecord = (step: string, fields: AuditFields): AuditRecord => ({ eventKey: `${workflowId}:${step}`, itemId: input.itemId, occurredAt: now(), ...fields });
  const audit = (step: string, fields: AuditFields, via = activities) => via.recordAuditEvent(auditRecord(step, fields));
  const reportRefusal = async (step: string, actor: ActorRef, request: string, refusal: ApplicationFailure, taskId?: string) => {
    const detail = refusal.details?.[0] as { fields?: string[]; activity?: string } | undefined;
    const who = printable(actor.displayName || actor.username);
    try {
      await requestActivities.recordAuditEvent({
        eventKey: `${workflowId}:refused:${step}`,
        itemId: input.itemId,
        taskId,
        actor: printable(actor.username),
        actorRole: primaryRole(actor),
        departmentCode: printable(actor.departmentCode),
        action: 'request.refused',
        reason: refusal.message,
        occurredAt: now(),
        detail: { request, failureType: refusal.type, fields: detail?.fields ?? [], activity: detail?.activity },
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
    try {
      await requestActivities.notify({
        key: `${workflowId}:refused:${step}`,
        to: { role: 'supervisor', usernames: [printable(actor.username)] },
        kind: 'request-refused',
        title: `办理未生效：${s.content.title}`,
        body: `${who}的操作（${request}）未能生效，事项保持原状，可重新办理。${refusal.message}`,
        itemId: input.itemId,
        taskId,
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  };

  // Operators' search attributes are kept current only when the starter set them (the API does); a
  // cluster without them registered, such as the time-skipping test server, is then never asked to.
  const visibility = workflowInfo().typedSearchAttributes.get(DepartmentIdAttribute) !== undefined;
  // A lean history upserts what changed once per workflow task (see flushAttributes), not once per write.
  const published = new Map<string, string>();
  const pendingAttributes = new Map<string, SearchAttributeUpdatePair>();
  const stateAtStart = workflowInfo().typedSearchAttributes.get(DisclosureStateAttribute);
  if (stateAtStart !== undefined) published.set(DisclosureStateAttribute.name, JSON.stringify(stateAtStart));
  const upsert = (pairs: SearchAttributeUpdatePair[]): void => {
    if (!visibility) return;
    if (!lean) {
      upsertSearchAttributes(pairs);
      return;
    }
    for (const pair of pairs) pendingAttributes.set(pair.key.name, pair);
  };
  const flushAttributes = (): void => {
    const changed = [...pendingAttributes.values()].filter((pair) => published.get(pair.key.name) !== JSON.stringify(pair.value));
    pendingAttributes.clear();
    if (changed.length === 0) return;
    for (const pair of changed) published.set(pair.key.name, JSON.stringify(pair.value));
    upsertSearchAttributes(changed);
  };
  const startAttributeFlush = (): void => {
    if (!(lean && visibility)) return;
    // Runs whenever the workflow waits: everything a step changed goes out together.
    void (async () => {
      for (;;) {
        await condition(() => pendingAttributes.size > 0);
        flushAttributes();
      }
    })();
  };

  const view = () => itemView(input, s);
  return {
    input,
    s,
    workflowId,
    lean,
    patched: (patchId) => everyPatchAtOnce || patched(patchId),
    calendar: lean ? calendarLookups : activities,
    now,
    view,
    auditRecord,
    audit,
    reportRefusal,
    upsert,
    flushAttributes,
    startAttributeFlush,
    setState: async (next, extra = {}, via = activities) => {
      s.state = next;
      upsert([{ key: DisclosureStateAttribute, value: next }]);
      await via.recordItemState({ itemId: input.itemId, state: next, revision: s.revision, at: now(), ...extra });
    },
    awaitStep: async () => {
      const target = s.completedSteps + 1;
      await condition(() => s.completedSteps >= target);
      const refusal = s.refusedSteps.get(target);
      if (refusal) throw refusal;
      return view();
    },
    refuseStep: (refusal) => {
      s.refusedSteps.set(s.completedSteps + 1, refusal);
      s.completedSteps++;
    },
    channelRequest: (channel, release) => channelRequestOf(input, channel, release),
  };
}
