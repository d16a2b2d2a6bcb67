import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@zwgk/config';
import type { ApplicationView } from '@zwgk/contracts';
import {
  computeReplyDeadline,
  consultationDue,
  correctionDue,
  correctionRequestWindow,
  feePaymentDue,
  replyLetterTemplate,
  type ApplicationOutcome,
  type LocalDate,
  type ReplyClock,
  type ReplyDeadline,
  type StepDeadline,
  type WorkingDayCalendar,
} from '@zwgk/domain';
import { calendarSource } from './calendar-source';
import { postToGateway } from './notification.activities';

/** The steps at which the applicant is told by SMS/e-mail: receipt, 补正, extension, fee notice and reply. */
export type ApplicantNotice = 'receipt' | 'correction' | 'extension' | 'fee' | 'reply';

/** What reached the applicant: channel names only, so the workflow's history never holds an address. */
export interface ApplicantNoticeResult {
  readonly delivered: readonly ('email' | 'sms')[];
  readonly failed: readonly ('email' | 'sms')[];
}

/** The due days of an application's own steps, each under its article. */
export type ApplicationStepDueRequest =
  | { readonly kind: 'correction-window'; readonly receiptDate: LocalDate }
  | { readonly kind: 'correction'; readonly requestDate: LocalDate; readonly periodWorkingDays: number }
  | { readonly kind: 'consultation'; readonly party: 'third-party' | 'agency'; readonly sentOn: LocalDate }
  | { readonly kind: 'fee-payment'; readonly noticeReceivedOn: LocalDate };

/**
 * Activities of the application workflow: its dates from the calendar in force (never computed in workflow
 * code), the read model the API and the portal read, and the reply letter, which needs the applicant's
 * name from the row (personal data stays out of workflow history).
 */
export function createApplicationActivities(dataSource: DataSource, fixedCalendar?: WorkingDayCalendar, gateways: AppConfig['notifications'] = {}) {
  const calendar = calendarSource(dataSource, fixedCalendar);
  return {
    /**
     * Tells the applicant of a step by each configured gateway for which the application's row has an address
     * (e-mail → contact_email, SMS → contact_phone). The key is the workflow's and the step's, sent as the
     * gateway's Idempotency-Key, so a retried activity is one message. A gateway that fails is reported, not
     * retried for ever: the statutory clock never waits on a 短信平台, and the timeline shows staff that the
     * applicant must be told another way.
     */
    async notifyApplicant(request: { applicationId: string; notice: ApplicantNotice; key: string; subject: string; text: string }): Promise<ApplicantNoticeResult> {
      const rows: { email: string | null; phone: string | null }[] = await dataSource.query(
        `SELECT nullif(trim(contact_email), '') AS email, nullif(trim(contact_phone), '') AS phone FROM disclosure_applications WHERE id = $1`,
        [request.applicationId],
      );
      if (!rows[0]) throw ApplicationFailure.nonRetryable(`application ${request.applicationId} has no row`, 'InvalidData');
      const routes = [
        { name: 'email' as const, url: gateways.emailGatewayUrl, address: rows[0].email },
        { name: 'sms' as const, url: gateways.smsGatewayUrl, address: rows[0].phone },
      ];
      const delivered: ('email' | 'sms')[] = [];
      const failed: ('email' | 'sms')[] = [];
      for (const route of routes) {
        if (!route.url || !route.address) continue;
        try {
          await postToGateway({ name: route.name, url: route.url, token: gateways.gatewayToken }, [route.address], {
            key: request.key,
            subject: request.subject,
            text: request.text,
            kind: `application-${request.notice}`,
          });
          delivered.push(route.name);
        } catch (error) {
          log.warn(`applicant notice ${request.key} was not delivered by ${route.name}: ${error instanceof Error ? error.message : String(error)}`);
          failed.push(route.name);
        }
      }
      return { delivered, failed };
    },

    /** The reply deadline (条例 Art. 33) with every stop of the clock, or "stopped" while a pause is open. */
    async computeApplicationReplyDeadline(request: { clock: ReplyClock }): Promise<ReplyDeadline> {
      return computeReplyDeadline(await calendar(), request.clock);
    },

    async computeApplicationStepDue(request: ApplicationStepDueRequest): Promise<StepDeadline> {
      const current = await calendar();
      switch (request.kind) {
        case 'correction-window':
          return correctionRequestWindow(current, request.receiptDate);
        case 'correction':
          return correctionDue(current, request.requestDate, request.periodWorkingDays);
        case 'consultation':
          return consultationDue(current, request.party, request.sentOn);
        case 'fee-payment':
          return feePaymentDue(current, request.noticeReceivedOn);
      }
    },

    /**
     * The 件 the same applicant (same ID document, else same name) already filed this natural month, for 按件计收
     * (国办函〔2020〕109号 Art. 4); read from the rows, so the workflow never sees who the applicant is.
     */
    async countApplicantItemsThisMonth(request: { applicationId: string; month: string }): Promise<number> {
      const rows: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM disclosure_applications other, disclosure_applications self
          WHERE self.id = $1 AND other.id <> self.id
            AND coalesce(other.id_document, other.applicant_name) = coalesce(self.id_document, self.applicant_name)
            AND to_char(coalesce(other.received_on, other.submitted_on), 'YYYY-MM') = $2
            AND coalesce(other.received_on, other.submitted_on) <= coalesce(self.received_on, self.submitted_on)`,
        [request.applicationId, request.month],
      );
      return rows[0]?.n ?? 0;
    },

    /** The reply letter from its category's template, addressed with the applicant's name from the row. */
    async renderReplyLetter(request: { applicationId: string; outcome: ApplicationOutcome; receiptDate: LocalDate; citedItemIds: readonly string[] }): Promise<string> {
      const rows: { applicant_name: string; query_number: string; description: string; office: string }[] = await dataSource.query(
        `SELECT a.applicant_name, a.query_number, a.description, d.name AS office
           FROM disclosure_applications a JOIN departments d ON d.code = a.office_department_code WHERE a.id = $1`,
        [request.applicationId],
      );
      if (!rows[0]) throw ApplicationFailure.nonRetryable(`application ${request.applicationId} has no row`, 'InvalidData');
      const cited: { title: string; id: string }[] = request.citedItemIds.length
        ? await dataSource.query(`SELECT id, title FROM disclosure_items WHERE id = ANY($1::uuid[]) AND released_at IS NOT NULL`, [request.citedItemIds])
        : [];
      const row = rows[0];
      return replyLetterTemplate(request.outcome, {
        queryNumber: row.query_number,
        applicantName: row.applicant_name,
        receiptDate: request.receiptDate,
        description: row.description.length > 60 ? `${row.description.slice(0, 60)}…` : row.description,
        agencyName: row.office,
        citedItems: cited.map((item) => ({ title: item.title, url: `/portal/items/${item.id}` })),
      });
    },

    /** Writes the workflow's view into the application's row (an upsert of the workflow-owned columns). */
    async recordApplicationView(request: { view: ApplicationView; extensionRequested: boolean }): Promise<void> {
      const v = request.view;
      const result: unknown[] = await dataSource.query(
        `UPDATE disclosure_applications SET
           state = $2, handling_department_code = $3, received_on = $4, clock_start_on = $5, due_at = $6, due_date = $7,
           due_explanation = $8, clock_stopped = $9, overdue = $10, extension_requested = $11, extended_working_days = $12,
           fee_amount_yuan = $13, outcome = $14, reply_letter = $15, closed_on = $16, late = $17, view = $18, updated_at = now()
         WHERE id = $1 RETURNING id`,
        [
          v.applicationId, v.state, v.handlingDepartmentCode ?? null, v.receivedOn ?? null, v.clockStartOn ?? null, v.dueAt ?? null,
          v.dueDate ?? null, v.dueExplanation ?? null, v.clockStopped, v.overdue, request.extensionRequested,
          v.extension?.decision === 'approved' ? v.extension.workingDays : 0, v.fee?.amountYuan ?? null, v.outcome ?? null,
          v.reply?.letter ?? null, v.closedOn ?? null, v.late ?? null, JSON.stringify(v),
        ],
      );
      const updated = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
      if (updated.length === 0) throw ApplicationFailure.nonRetryable(`application ${v.applicationId} has no row`, 'InvalidData');
    },
  };
}
