import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import { DisclosureStateAttribute, OverdueAttribute, type ChannelConfirmation, type ChannelLedgerResult, type ConfirmManualChannelRequest, type RetryChannelReleaseRequest } from '@zwgk/contracts';
import { contentFingerprint, releaseChannelsOf } from '@zwgk/domain/workflow';
import { refusalOf } from '../workflow-support';
import { activities, primaryRole, requestActivities, type AuditFields, type AuditRecord, type ItemContext } from './context';
import { NORMATIVE_DOCUMENTS_NEED_INTERPRETATION, PUBLICITY_PERIOD, RELEASE_IN_ONE_ACTIVITY } from './patches';
import type { ReleasedEdition } from './state';

/**
 * Release on every channel of the item, the government website first, once 签发 binds the content. A
 * channel that refuses is recorded and the others go on; the ledger makes a retried release publish once
 * per channel. Then the 公示期 and the interpretation's tracking (三同步) start with the release.
 */
export async function releaseEdition(ctx: ItemContext): Promise<'released'> {
  const { s, input, lean, audit } = ctx;
  const release = editionToRelease(ctx);
  const { contentHash } = release;
  if (contentHash !== s.signedContentHash) throw ApplicationFailure.nonRetryable('the content changed after 签发 without a new sign-off', 'SignOffMismatch');
  // Released: the deadline is met or missed at this instant, whatever the channels take.
  const timedRelease = s.releaseDue !== undefined && !s.releaseDue.isStopped;
  s.releaseDue?.stop();
  if (lean) return releaseLean(ctx, release, timedRelease, contentHash);
  const channelOutcomes: { channel: string; status: string; reference?: string }[] = [];
  for (const channel of releaseChannelsOf(input.channels)) {
    try {
      const outcome = await activities.releaseOnChannel(ctx.channelRequest(channel, release));
      channelOutcomes.push({ channel, status: outcome.status, reference: outcome.reference });
    } catch (error) {
      if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'ChannelRejected')) throw error;
      channelOutcomes.push({ channel, status: 'failed' });
      await audit(`channel-failed:r${s.revision}:${channel}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, reason: error.cause.message, detail: { channel, revision: s.revision } });
    }
  }
  await activities.recordEdition({ itemId: input.itemId, ...release, ...release.content });
  s.edition = release.edition;
  s.lastRelease = release;
  s.releasedAt = release.releasedAt;
  s.scheduledReleaseAt = undefined;
  await ctx.setState('RELEASED', { releasedAt: s.releasedAt });
  let timing: { dueAt: string; late: boolean; workingDaysLate: number } | undefined;
  if (timedRelease) {
    await s.releaseTimer; // an overdue notice under way is written before the release's timing overwrites its flag
    const dueAt = s.releaseDeadline!.dueAt;
    timing = { dueAt, ...(await activities.recordReleaseTiming({ itemId: input.itemId, dueAt, releasedAt: release.releasedAt })) };
    if (timing.late) s.releaseLateWorkingDays = timing.workingDaysLate;
  }
  await audit(`released:r${s.revision}`, {
    actor: 'system',
    action: 'item.released',
    departmentCode: input.drafter.departmentCode,
    detail: { edition: s.edition, channels: channelOutcomes, contentHash, revision: s.revision, ...(s.content.interpretation ? { interpretation: 'released together' } : {}), ...(timing ?? {}) },
  });
  ctx.upsert([{ key: OverdueAttribute, value: false }]);
  if (ctx.patched(PUBLICITY_PERIOD)) {
    // 公示N个工作日: the period starts with the release; the post-release loop's timer closes it.
    const publicity = await activities.computePublicityPeriod({ releasedAt: release.releasedAt, rule: input.catalogItem.timeLimit.rule });
    if (publicity) {
      await activities.recordPublicityPeriod({ itemId: input.itemId, startsAt: publicity.startsAt, endsAt: publicity.endsAt });
      await audit(`publicity-started:${s.edition}`, { actor: 'system', action: 'publicity.started', departmentCode: input.drafter.departmentCode, detail: { edition: s.edition, startsAt: publicity.startsAt, endsAt: publicity.endsAt, why: publicity.explanation } });
      s.publicityEndsAt = publicity.endsAt;
    }
  }
  if (input.catalogItem.needsInterpretation || (input.normativeDocument && ctx.patched(NORMATIVE_DOCUMENTS_NEED_INTERPRETATION))) await trackInterpretation(ctx, release);
  if (!s.signOffAnswered) s.completedSteps++; // an immediate 签发 answers once the item is released
  return 'released';
}

/**
 * The lean release: the government website first (the authoritative copy), then every other channel
 * together; then one step records the edition, RELEASED, the timing against the statutory deadline, the
 * 公示期, the interpretation's tracking and their audit rows, in one transaction. Since
 * 'release-in-one-activity' the channels and that step are one activity.
 */
async function releaseLean(ctx: ItemContext, release: ReleasedEdition, timedRelease: boolean, contentHash: string): Promise<'released'> {
  const { s, input, auditRecord } = ctx;
  if (ctx.patched(RELEASE_IN_ONE_ACTIVITY)) {
    if (timedRelease) await s.releaseTimer; // an overdue notice under way is written before the release's timing overwrites its flag
    const outcome = await activities.releaseEverywhere(releaseEverywhereRequest(ctx, release, timedRelease));
    return releasedLean(ctx, release, outcome);
  }
  const failedChannels: AuditRecord[] = [];
  const releaseOn = async (channel: string) => {
    try {
      const outcome = await activities.releaseOnChannel(ctx.channelRequest(channel, release));
      return { channel, status: outcome.status, reference: outcome.reference };
    } catch (error) {
      if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'ChannelRejected')) throw error;
      failedChannels.push(auditRecord(`channel-failed:r${s.revision}:${channel}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, reason: error.cause.message, detail: { channel, revision: s.revision } }));
      return { channel, status: 'failed' };
    }
  };
  const [website, ...others] = releaseChannelsOf(input.channels);
  const channelOutcomes = [await releaseOn(website!), ...(await Promise.all(others.map(releaseOn)))];
  s.edition = release.edition;
  s.lastRelease = release;
  s.releasedAt = release.releasedAt;
  s.scheduledReleaseAt = undefined;
  s.state = 'RELEASED';
  if (timedRelease) await s.releaseTimer; // an overdue notice under way is written before the release's timing overwrites its flag
  const step = releaseStepOf(ctx, release, timedRelease, contentHash);
  const outcome = await activities.recordReleaseStep({ ...step, before: failedChannels, released: { ...step.released, detail: { ...step.released.detail, channels: channelOutcomes } } });
  return releasedLean(ctx, release, outcome);
}

type ReleaseEverywhere = Parameters<DisclosureActivities['releaseEverywhere']>[0];
type ReleaseStepOutcome = Awaited<ReturnType<DisclosureActivities['recordReleaseStep']>>;

/**
 * What the release records after its channels (the release's audit row without the channels' outcomes, which
 * the activity adds after the channels): the edition, RELEASED, the timing, the 公示期, the interpretation.
 */
function releaseStepOf(ctx: ItemContext, release: ReleasedEdition, timedRelease: boolean, contentHash: string): ReleaseEverywhere['step'] {
  const { s, input, auditRecord, now } = ctx;
  const departmentCode = input.drafter.departmentCode;
  const tracksInterpretation = input.catalogItem.needsInterpretation === true || input.normativeDocument === true;
  const interpretationFollows = tracksInterpretation && !release.content.interpretation;
  const interpretationDueAt = s.interpretationDueAt;
  return {
    edition: { itemId: input.itemId, ...release, ...release.content },
    state: { state: 'RELEASED', revision: s.revision, at: now(), releasedAt: release.releasedAt },
    ...(timedRelease ? { timedAgainst: s.releaseDeadline!.dueAt } : {}),
    released: auditRecord(`released:r${s.revision}`, {
      actor: 'system',
      action: 'item.released',
      departmentCode,
      detail: { edition: release.edition, contentHash, revision: s.revision, ...(release.content.interpretation ? { interpretation: 'released together' } : {}) },
    }),
    publicity: { rule: input.catalogItem.timeLimit.rule, audit: auditRecord(`publicity-started:${release.edition}`, { actor: 'system', action: 'publicity.started', departmentCode, detail: { edition: release.edition } }) },
    ...(interpretationFollows && !interpretationDueAt
      ? { interpretationPending: { workingDays: input.interpretationLagWorkingDays ?? 0, audit: auditRecord('interpretation-pending', { actor: 'system', action: 'interpretation.pending', departmentCode }) } }
      : {}),
    after: tracksInterpretation && !interpretationFollows
      ? [
          auditRecord(`interpretation-released:${release.edition}`, {
            actor: 'system',
            action: 'interpretation.released',
            departmentCode,
            detail: { edition: release.edition, together: interpretationDueAt === undefined, dueAt: interpretationDueAt ?? release.releasedAt, late: interpretationDueAt !== undefined && Date.parse(release.releasedAt) > Date.parse(interpretationDueAt) },
          }),
        ]
      : [],
  };
}

/** The one release activity's request: every channel of the item (the website first) and what records the release. */
export function releaseEverywhereRequest(ctx: ItemContext, release: ReleasedEdition, timedRelease: boolean): ReleaseEverywhere {
  const { s, input, auditRecord } = ctx;
  return {
    channels: releaseChannelsOf(input.channels).map((channel) => ctx.channelRequest(channel, release)),
    // Completed per refused channel with `:<channel>`, its reason and the channel: the keys the one-channel activities used.
    channelFailed: auditRecord(`channel-failed:r${s.revision}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, detail: { revision: s.revision } }),
    step: releaseStepOf(ctx, release, timedRelease, release.contentHash),
  };
}

/** The edition a signed item releases now: its content as signed, released at this instant. */
export function editionToRelease(ctx: ItemContext): ReleasedEdition {
  const { s, now } = ctx;
  const contentHash = contentFingerprint([s.content.title, s.content.body, s.content.interpretation ?? '']);
  return { edition: s.edition + 1, revision: s.revision, content: { ...s.content }, contentHash, releasedAt: now() };
}

/** The release is recorded: the workflow's state follows, and an immediate 签发 answers. */
export function releasedLean(ctx: ItemContext, release: ReleasedEdition, outcome: ReleaseStepOutcome): 'released' {
  const { s } = ctx;
  s.edition = release.edition;
  s.lastRelease = release;
  s.releasedAt = release.releasedAt;
  s.scheduledReleaseAt = undefined;
  s.state = 'RELEASED';
  if (outcome.timing?.late) s.releaseLateWorkingDays = outcome.timing.workingDaysLate;
  if (outcome.publicity) s.publicityEndsAt = outcome.publicity.endsAt;
  if (outcome.interpretationDue) s.interpretationDueAt = outcome.interpretationDue.dueAt;
  ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }, { key: OverdueAttribute, value: false }]);
  if (!s.signOffAnswered) s.completedSteps++; // an immediate 签发 answers once the item is released
  return 'released';
}

/**
 * 三同步: a policy document's interpretation is released with it. Where the lag policy let the policy go
 * first, the interpretation falls due N working days after the release; a later edition carries it.
 */
async function trackInterpretation(ctx: ItemContext, release: ReleasedEdition): Promise<void> {
  const { s, input, audit } = ctx;
  if (!release.content.interpretation) {
    if (s.interpretationDueAt) return;
    const due = await activities.computeExtendedDeadline({ dueAt: release.releasedAt, workingDays: input.interpretationLagWorkingDays ?? 0 });
    s.interpretationDueAt = due.dueAt;
    await audit('interpretation-pending', { actor: 'system', action: 'interpretation.pending', departmentCode: input.drafter.departmentCode, detail: { dueAt: due.dueAt, why: due.explanation } });
    return;
  }
  const late = s.interpretationDueAt !== undefined && Date.parse(release.releasedAt) > Date.parse(s.interpretationDueAt);
  await audit(`interpretation-released:${release.edition}`, {
    actor: 'system',
    action: 'interpretation.released',
    departmentCode: input.drafter.departmentCode,
    detail: { edition: release.edition, together: s.interpretationDueAt === undefined, dueAt: s.interpretationDueAt ?? release.releasedAt, late },
  });
}

/** Whether the released edition still owes its interpretation, not yet recorded overdue. */
export const interpretationPending = (ctx: ItemContext): boolean =>
  ctx.s.interpretationDueAt !== undefined && !ctx.s.interpretationOverdueRecorded && !ctx.s.lastRelease?.content.interpretation;

/** The interpretation is late: overdue like anything else. */
export async function recordInterpretationOverdue(ctx: ItemContext): Promise<void> {
  const { s, input, workflowId } = ctx;
  s.interpretationOverdueRecorded = true;
  await ctx.audit('interpretation-overdue', { actor: 'system', action: 'interpretation.overdue', departmentCode: input.drafter.departmentCode, detail: { dueAt: s.interpretationDueAt } });
  await activities.notify({
    key: `${workflowId}:interpretation-overdue`,
    to: { role: 'supervisor', usernames: [input.drafter.username] },
    kind: 'interpretation-overdue',
    title: `政策解读已逾期：${s.content.title}`,
    body: `解读应于 ${s.interpretationDueAt} 前发布。`,
    itemId: input.itemId,
  });
}

/**
 * Withdraws the released edition from every channel. Returns false when the withdrawal could not be
 * applied (its reason refused, the database unreachable): the request is refused and the item stays
 * released; a channel already taken down stays recorded in the ledger, and a new withdrawal skips it.
 */
export async function withdraw(ctx: ItemContext): Promise<boolean> {
  const { s, input, lean, audit, auditRecord, now } = ctx;
  const withdrawal = s.pendingWithdrawal!;
  const withdrawnAt = now();
  const released = s.lastRelease!;
  const withdrawn: AuditFields = {
    actor: withdrawal.actor.username,
    actorRole: primaryRole(withdrawal.actor),
    departmentCode: withdrawal.actor.departmentCode,
    action: 'item.withdrawn',
    reason: withdrawal.reason,
    requestId: withdrawal.actor.requestId,
    detail: { edition: released.edition },
  };
  try {
    if (lean) {
      // Every channel at once (the ledger skips one already taken down), then WITHDRAWN and its audit row together.
      const outcomes = await Promise.allSettled(
        releaseChannelsOf(input.channels).map((channel) => requestActivities.withdrawFromChannel({ ...ctx.channelRequest(channel, released), reason: withdrawal.reason, withdrawnAt })),
      );
      const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      await requestActivities.applyItemStep({
        itemId: input.itemId,
        state: { state: 'WITHDRAWN', revision: s.revision, at: now(), withdrawalReason: withdrawal.reason },
        audit: [auditRecord(`withdrawn:r${released.revision}`, withdrawn)],
      });
      s.state = 'WITHDRAWN';
      ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }]);
      s.completedSteps++;
      return true;
    }
    for (const channel of releaseChannelsOf(input.channels)) {
      await requestActivities.withdrawFromChannel({ ...ctx.channelRequest(channel, released), reason: withdrawal.reason, withdrawnAt });
    }
    await ctx.setState('WITHDRAWN', { withdrawalReason: withdrawal.reason }, requestActivities);
  } catch (error) {
    const refusal = refusalOf(error, '撤回', ['reason']);
    if (!refusal) throw error;
    s.pendingWithdrawal = undefined;
    if (s.state !== 'RELEASED') await ctx.setState('RELEASED');
    ctx.refuseStep(refusal);
    await ctx.reportRefusal(`withdraw:${++s.handlerSequence}`, withdrawal.actor, 'item.withdraw', refusal);
    return false;
  }
  await audit(`withdrawn:r${released.revision}`, withdrawn);
  s.completedSteps++;
  return true;
}

const isChannelRejection = (error: unknown): error is ActivityFailure & { cause: ApplicationFailure } =>
  error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'ChannelRejected';

/**
 * A person's retry of a channel whose release failed: the channel's release activity runs again for the
 * released edition, as a new attempt (its own idempotency key at the receiver), and the ledger row that
 * said `failed` takes the new outcome. A second refusal is answered, not thrown: the ledger says failed again.
 */
export async function retryChannelRelease(ctx: ItemContext, request: RetryChannelReleaseRequest): Promise<ChannelLedgerResult> {
  const { s, input, audit } = ctx;
  const { actor, channel, attempt } = request;
  const release = s.lastRelease!;
  s.channelRetriesUnderWay.add(channel);
  try {
    let outcome: { status: string; reference?: string };
    try {
      outcome = await requestActivities.releaseOnChannel({ ...ctx.channelRequest(channel, release), attempt });
    } catch (error) {
      if (!isChannelRejection(error)) throw error;
      outcome = { status: 'failed' };
      await audit(`channel-failed:r${release.revision}:${channel}:a${attempt}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, reason: error.cause.message, detail: { channel, revision: release.revision, attempt } }, requestActivities);
    }
    await audit(
      `channel-retried:r${release.revision}:${channel}:a${attempt}`,
      {
        actor: actor.username,
        actorRole: primaryRole(actor),
        departmentCode: actor.departmentCode,
        action: 'channel.retried',
        requestId: actor.requestId,
        detail: { channel, revision: release.revision, attempt, status: outcome.status, ...(request.requestKey ? { requestKey: request.requestKey } : {}) },
      },
      requestActivities,
    );
    return { itemId: input.itemId, channel, revision: release.revision, action: 'publish', status: outcome.status, ...(outcome.reference ? { reference: outcome.reference } : {}) };
  } finally {
    s.channelRetriesUnderWay.delete(channel);
  }
}

/** Records a person's confirmation that a manual channel's notice was posted or taken down: on the ledger row, and in the audit trail. */
export async function confirmManualChannel(ctx: ItemContext, request: ConfirmManualChannelRequest): Promise<ChannelLedgerResult> {
  const { s, input, audit, now } = ctx;
  const { actor, channel, entry } = request;
  const action = request.action === 'posted' ? 'publish' : 'withdraw';
  const confirmationKey = `${action}:${entry.revision}:${channel}`;
  s.confirmedChannels.add(confirmationKey); // a second confirmation while this one is written is refused
  const confirmation: ChannelConfirmation = {
    action: request.action,
    by: actor.username,
    byName: actor.displayName,
    at: now(),
    note: request.note.trim(),
    ...(request.photoAttachmentId ? { photoAttachmentId: request.photoAttachmentId } : {}),
    ...(request.requestKey ? { requestKey: request.requestKey } : {}),
  };
  let row;
  try {
    row = await requestActivities.confirmManualChannel({ itemId: input.itemId, channel, revision: entry.revision, action, confirmation: { ...confirmation } });
  } catch (error) {
    s.confirmedChannels.delete(confirmationKey);
    throw error;
  }
  const stored = (row.detail.confirmation ?? confirmation) as ChannelConfirmation;
  await audit(
    `channel-confirmed:${confirmationKey}`,
    {
      actor: actor.username,
      actorRole: primaryRole(actor),
      departmentCode: actor.departmentCode,
      action: request.action === 'posted' ? 'channel.posted' : 'channel.taken-down',
      reason: confirmation.note,
      requestId: actor.requestId,
      detail: { channel, revision: entry.revision, ...(confirmation.photoAttachmentId ? { photoAttachmentId: confirmation.photoAttachmentId } : {}) },
    },
    requestActivities,
  );
  return { itemId: input.itemId, channel, revision: entry.revision, action, status: row.status, ...(row.reference ? { reference: row.reference } : {}), confirmation: stored };
}
