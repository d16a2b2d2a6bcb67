import type { DataSource } from 'typeorm';
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
 * One way to reach people. The in-app list is always on; email and SMS gateways are further channels
 * configured per deployment (NOTIFY_* settings) and are not part of this build.
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

export function createNotificationActivities(dataSource: DataSource, channels: readonly NotificationChannel[] = [inAppChannel(dataSource)]) {
  return {
    /** Resolves the recipients and delivers on every channel; returns who was notified. */
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
      for (const channel of channels) await channel.deliver(recipients, request);
      return recipients;
    },
  };
}
