import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure, log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@zwgk/config';
import type { WorkingDayCalendar } from '@zwgk/domain';
import { writeAuditEvent } from '@zwgk/db';
import type { AuditEventRecord } from './audit.activities';
import { calendarSource } from './calendar-source';
import { CHANNEL_REJECTED } from './channels/channel-adapter';
import { createChannelReleaseActivities, departmentNameOf, type KnownForRelease, type ReleaseOnChannelRequest } from './channels/channel-release.activities';
import { createPublicationLedger } from './channels/publication-ledger';
import { recordItemStep, recordReleaseStep, type ItemStep, type ItemStepOutcome, type ReleaseStep, type ReleaseStepOutcome } from './item-step.activities';
import { configuredNotificationChannels, createNotificationActivities, type NotificationRequest } from './notification.activities';

/** What one channel's release came to, as the release's audit row lists it. */
export interface ChannelOutcome {
  readonly channel: string;
  readonly status: string;
  readonly reference?: string;
}

/**
 * An edition's release on every channel and its record, in one activity (patched 'release-in-one-activity').
 * The channels go in this order: the government website (the authoritative copy) first, then every other
 * one together. Each channel's ledger row is its memory, so a retried activity publishes nothing twice.
 */
export interface ReleaseEverywhere {
  /** One request per channel, the website first. */
  readonly channels: readonly ReleaseOnChannelRequest[];
  /** A channel's refusal is recorded as this row, its event key completed with `:<channel>`, its reason and channel filled in. */
  readonly channelFailed: AuditEventRecord;
  /** The record of the release; the release's audit row gets the channels' outcomes in its detail, and the refusals go before it. */
  readonly step: Omit<ReleaseStep, 'before'>;
}

export interface ReleaseEverywhereOutcome extends ReleaseStepOutcome {
  readonly channels: readonly ChannelOutcome[];
}

/**
 * 签发 approved with the release due now (patched 'sign-off-releases'): the decision's step (its task closed,
 * APPROVED, the sign-off, the decision's audit row: one transaction, refused as a whole), then the release.
 */
export interface SignOffAndRelease {
  readonly signOff: ItemStep;
  readonly release: ReleaseEverywhere;
}

export interface SignOffAndReleaseOutcome {
  readonly signOff: ItemStepOutcome;
  /** Absent when the release did not finish here (a channel's transient failure, or slower than its budget): the workflow releases with `releaseEverywhere`. */
  readonly released?: ReleaseEverywhereOutcome;
}

/** The statutory release deadline passed with the item unreleased: flag, audit row and notices in one activity (patched 'release-overdue-in-one-step'). */
export interface ReleaseOverdueStep {
  readonly itemId: string;
  readonly at: string;
  readonly audit: AuditEventRecord;
  readonly notices: readonly NotificationRequest[];
}

/**
 * How long a decided 签发 may spend releasing before its activity answers and leaves the rest to
 * `releaseEverywhere`: the decision is a request a person waits on, retried a few times only, and an attempt
 * that timed out after its decision was stored must not let the request be reported refused.
 */
const SIGN_OFF_RELEASE_BUDGET_MS = 15_000;

export interface ItemReleaseDependencies {
  readonly dataSource: DataSource;
  readonly calendar?: WorkingDayCalendar;
  readonly config?: AppConfig;
}

/** The lean item's combined steps around a release: each writes what belongs together in one transaction. */
export function createItemReleaseActivities({ dataSource, calendar: fixedCalendar, config = loadConfig() }: ItemReleaseDependencies) {
  const calendar = calendarSource(dataSource, fixedCalendar);
  const { releaseOnChannel } = createChannelReleaseActivities({ dataSource, config });
  const ledger = createPublicationLedger(dataSource);
  const { notify } = createNotificationActivities(dataSource, configuredNotificationChannels(dataSource, config.notifications));

  async function releaseEverywhere(request: ReleaseEverywhere): Promise<ReleaseEverywhereOutcome> {
    const failed: AuditEventRecord[] = [];
    const releaseOn = async (channel: ReleaseOnChannelRequest): Promise<ChannelOutcome> => {
      try {
        const row = await releaseOnChannel(channel, channel.itemId === sample?.itemId && channel.revision === sample?.revision && channel.departmentCode === sample?.departmentCode ? known : undefined);
        return { channel: channel.channel, status: row.status, ...(row.reference ? { reference: row.reference } : {}) };
      } catch (error) {
        // A refusal is the channel's answer (the ledger says failed; a person may retry it); anything else is retried.
        if (!(error instanceof ApplicationFailure && error.type === CHANNEL_REJECTED)) throw error;
        const template = request.channelFailed;
        failed.push({ ...template, eventKey: `${template.eventKey}:${channel.channel}`, reason: error.message, detail: { ...template.detail, channel: channel.channel } });
        return { channel: channel.channel, status: 'failed' };
      }
    };
    // The edition's ledger rows and the department's name, read once for every channel.
    const sample = request.channels[0];
    let departmentName: Promise<string> | undefined;
    const known: KnownForRelease | undefined = sample
      ? {
          ledger: await ledger.findEdition({ itemId: sample.itemId, revision: sample.revision, action: 'publish' }),
          departmentName: () => (departmentName ??= departmentNameOf(dataSource, sample.departmentCode)),
        }
      : undefined;
    const [website, ...others] = request.channels;
    const first = website ? [await releaseOn(website)] : [];
    // Every other channel together; a transient failure of one fails the attempt only after the others are done.
    const settled = await Promise.allSettled(others.map(releaseOn));
    const rejected = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (rejected) throw rejected.reason;
    const channels = [...first, ...settled.map((outcome) => (outcome as PromiseFulfilledResult<ChannelOutcome>).value)];
    // The refusals in the channels' order, as the one-channel-at-a-time release wrote them.
    const order = new Map(request.channels.map((channel, index) => [`${request.channelFailed.eventKey}:${channel.channel}`, index]));
    failed.sort((a, b) => order.get(a.eventKey)! - order.get(b.eventKey)!);
    const { released } = request.step;
    const current = await calendar();
    const outcome = await recordReleaseStep(dataSource, current, { ...request.step, before: failed, released: { ...released, detail: { ...released.detail, channels } } });
    return { ...outcome, channels };
  }

  return {
    releaseEverywhere,

    async signOffAndRelease(request: SignOffAndRelease): Promise<SignOffAndReleaseOutcome> {
      const current = request.signOff.openTask ? await calendar() : undefined;
      // The decision first, on its own: if it cannot be stored nothing is released, and the task stays open.
      const signOff = await recordItemStep(dataSource, current, request.signOff);
      const budget = new AbortController();
      try {
        const released = await Promise.race([
          releaseEverywhere(request.release),
          sleep(SIGN_OFF_RELEASE_BUDGET_MS, undefined, { signal: budget.signal }),
        ]);
        return { signOff, ...(released ? { released } : {}) };
      } catch (error) {
        // Stored, not released: answered as such, and the workflow's own release activity goes on from the ledger.
        log.warn('the sign-off is stored; its release goes on in the release activity', { error: error instanceof Error ? error.message : String(error) });
        return { signOff };
      } finally {
        budget.abort();
      }
    },

    async recordReleaseOverdueStep(request: ReleaseOverdueStep): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE disclosure_items SET release_overdue = true, release_overdue_at = $2::timestamptz, updated_at = now() WHERE id = $1`, [request.itemId, request.at]);
        await writeAuditEvent(manager, request.audit);
      });
      // Each notice is kept once by its key, so a retried step does not tell anyone twice in the app.
      for (const notice of request.notices) await notify(notice);
    },
  };
}

export type ItemReleaseActivities = ReturnType<typeof createItemReleaseActivities>;
