import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@zwgk/config';
import type { Role } from '@zwgk/domain';

/** Who should hear about it: named users, and/or everyone with a role (in a department, if given). */
export interface NotificationRecipients {
  readonly usernames?: readonly string[];
  readonly role?: Role;
  readonly departmentCode?: string;
}

export interface NotificationRequest {
  /** Unique per workflow step: a retried activity notifies each recipient once. */
  readonly key: string;
  readonly to: NotificationRecipients;
  readonly kind: 'task-reminder' | 'task-overdue' | 'task-escalated' | 'task-delegated' | 'deadline-extended' | 'item-released' | string;
  readonly title: string;
  readonly body: string;
  readonly itemId?: string;
  readonly taskId?: string;
}

/**
 * One way to reach people. The in-app list is always on; email and SMS gateways are further channels,
 * switched on per deployment by NOTIFY_EMAIL_GATEWAY_URL / NOTIFY_SMS_GATEWAY_URL.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(recipients: readonly string[], request: NotificationRequest): Promise<void>;
}

function inAppChannel(dataSource: DataSource): NotificationChannel {
  return {
    name: 'in-app',
    async deliver(recipients, request) {
      for (const recipient of recipients) {
        await dataSource.query(
          `INSERT INTO notifications (notification_key, recipient, kind, title, body, item_id, task_id) VALUES ($1,$2,$3,$4,$5,$6,$7)
           ON CONFLICT (notification_key, recipient) DO NOTHING`,
          [request.key, recipient, request.kind, request.title, request.body, request.itemId ?? null, request.taskId ?? null],
        );
      }
    },
  };
}

/**
 * An HTTP gateway (a county's mail relay or 短信平台): one JSON POST per notification with the addresses
 * of the recipients who have one. The Idempotency-Key lets the gateway drop a retried delivery; a 4xx
 * other than 408/429 is a refusal that retrying cannot fix.
 */
export function gatewayChannel(dataSource: DataSource, options: { name: 'email' | 'sms'; url: string; token?: string }): NotificationChannel {
  const column = options.name === 'email' ? 'email' : 'mobile';
  return {
    name: options.name,
    async deliver(recipients, request) {
      if (recipients.length === 0) return;
      const rows: { address: string }[] = await dataSource.query(
        `SELECT ${column} AS address FROM users WHERE username = ANY($1::text[]) AND ${column} IS NOT NULL ORDER BY username`,
        [recipients],
      );
      if (rows.length === 0) return;
      await postToGateway(options, rows.map((row) => row.address), { key: request.key, subject: request.title, text: request.body, kind: request.kind, itemId: request.itemId, taskId: request.taskId });
    },
  };
}

/** One message to a gateway, with the fields every gateway receives. */
export interface GatewayMessage {
  readonly key: string;
  readonly subject: string;
  readonly text: string;
  readonly kind: string;
  readonly itemId?: string;
  readonly taskId?: string;
}

/**
 * One JSON POST to an email or SMS gateway. The Idempotency-Key (channel and step key) lets the gateway drop
 * a retried delivery; a 4xx other than 408/429 is a refusal that retrying cannot fix.
 */
export async function postToGateway(options: { name: 'email' | 'sms'; url: string; token?: string }, addresses: readonly string[], message: GatewayMessage): Promise<void> {
  const { key, ...fields } = message;
  const response = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `${options.name}:${key}`,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ to: addresses, ...fields }),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.ok) return;
  const refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  const text = `the ${options.name} gateway answered ${response.status}`;
  if (refused) throw ApplicationFailure.nonRetryable(text, 'NotificationRefused');
  throw new Error(text);
}

/** The channels a deployment has: in-app always, plus the gateways it configured. */
export function configuredNotificationChannels(dataSource: DataSource, config: AppConfig['notifications']): NotificationChannel[] {
  return [
    inAppChannel(dataSource),
    ...(config.emailGatewayUrl ? [gatewayChannel(dataSource, { name: 'email', url: config.emailGatewayUrl, token: config.gatewayToken })] : []),
    ...(config.smsGatewayUrl ? [gatewayChannel(dataSource, { name: 'sms', url: config.smsGatewayUrl, token: config.gatewayToken })] : []),
  ];
}

export function createNotificationActivities(dataSource: DataSource, channels: readonly NotificationChannel[] = [inAppChannel(dataSource)]) {
  return {
    /**
     * Resolves the recipients and delivers on every channel; returns who was notified. The in-app list
     * must succeed (a failure is retried); an email/SMS gateway that fails is reported in the worker log
     * and skipped, so a mail outage never holds up a deadline or an escalation.
     */
    async notify(request: NotificationRequest): Promise<string[]> {
      const named = [...(request.to.usernames ?? [])];
      if (request.to.role) {
        const rows: { username: string }[] = await dataSource.query(
          `SELECT username FROM users WHERE active AND $1 = ANY(roles) AND ($2::text IS NULL OR department_code = $2) ORDER BY username`,
          [request.to.role, request.to.departmentCode ?? null],
        );
        named.push(...rows.map((row) => row.username));
      }
      const recipients = [...new Set(named)];
      for (const channel of channels) {
        try {
          await channel.deliver(recipients, request);
        } catch (error) {
          if (channel.name === 'in-app') throw error;
          log.warn(`notification ${request.key} was not delivered by ${channel.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return recipients;
    },
  };
}
