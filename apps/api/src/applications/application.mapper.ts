import type { ApplicationView } from '@zwgk/contracts';
import { APPLICATION_CHANNEL_LABELS, APPLICATION_COLUMNS, describeOutcome, isApplicationChannel, isApplicationOutcome } from '@zwgk/domain';

/** The columns of disclosure_applications the API reads. */
export interface ApplicationRow {
  id: string;
  query_number: string;
  office_department_code: string;
  channel: string;
  applicant_type: string;
  applicant_name: string;
  id_document: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_address: string | null;
  description: string;
  delivery_form: string;
  submitted_on: string;
  state: string;
  handling_department_code: string | null;
  received_on: string | null;
  due_at: Date | null;
  due_date: string | null;
  due_explanation: string | null;
  clock_stopped: boolean;
  overdue: boolean;
  outcome: string | null;
  closed_on: string | null;
  late: boolean | null;
  reply_letter: string | null;
  view: Partial<ApplicationView>;
}

export const APPLICATION_STATE_LABELS: Record<string, string> = {
  submitted: '待签收', received: '已签收', accepted: '办理中', correction: '待补正', consultation: '征求意见中', fee: '待缴费',
  'reply-review': '答复保密审查', 'reply-sign-off': '答复签发', 'reply-ready': '待送达', closed: '已办结',
};

function outcomeOf(row: ApplicationRow) {
  if (!row.outcome || !isApplicationOutcome(row.outcome)) return null;
  const described = describeOutcome(row.outcome);
  return { outcome: row.outcome, category: described.category, label: described.label, basis: described.basis };
}

/** What anyone with the 查询号 and the code sees: the state and dates, never who applied or their contact. */
export function toPublicStatus(row: ApplicationRow, timeline: { action: string; at: Date; notice?: string }[]) {
  return {
    queryNumber: row.query_number,
    state: row.state,
    stateLabel: APPLICATION_STATE_LABELS[row.state] ?? row.state,
    submittedOn: row.submitted_on,
    receivedOn: row.received_on,
    dueDate: row.due_date,
    dueExplanation: row.due_explanation,
    clockStopped: row.clock_stopped,
    result: outcomeOf(row),
    closedOn: row.closed_on,
    // The reply letter is the applicant's once delivered.
    replyLetter: row.state === 'closed' ? row.reply_letter : null,
    timeline: timeline.map((event) => ({ action: event.action, at: event.at.toISOString(), ...(event.notice ? { notice: event.notice } : {}) })),
  };
}

/** The staff view; personal data only when `withApplicant` (the office and the handling department). */
/** The reply letter is addressed to the applicant: whoever may not see who applied reads it with the name masked. */
function replyWithMaskedName<Reply extends { letter?: string | null }>(reply: Reply | null, name: string | null, masked: string | null): Reply | null {
  if (!reply?.letter || !name) return reply;
  return { ...reply, letter: reply.letter.split(name).join(masked ?? '') };
}

export function toStaffApplication(row: ApplicationRow, withApplicant: boolean) {
  const mask = (text: string | null) => (text ? `${text.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(6, text.length - 1)))}` : null);
  const view = row.view ?? {};
  return {
    id: row.id,
    queryNumber: row.query_number,
    channel: row.channel,
    channelLabel: isApplicationChannel(row.channel) ? APPLICATION_CHANNEL_LABELS[row.channel] : row.channel,
    applicantType: row.applicant_type,
    applicantTypeLabel: APPLICATION_COLUMNS.find((column) => column.key === row.applicant_type)?.label ?? row.applicant_type,
    applicant: withApplicant
      ? { name: row.applicant_name, idDocument: row.id_document, phone: row.contact_phone, email: row.contact_email, address: row.contact_address }
      : { name: mask(row.applicant_name), idDocument: null, phone: null, email: null, address: null, masked: true },
    description: row.description,
    deliveryForm: row.delivery_form,
    submittedOn: row.submitted_on,
    state: row.state,
    stateLabel: APPLICATION_STATE_LABELS[row.state] ?? row.state,
    officeDepartmentCode: row.office_department_code,
    handlingDepartmentCode: row.handling_department_code,
    receivedOn: row.received_on,
    dueAt: row.due_at?.toISOString() ?? null,
    dueDate: row.due_date,
    dueExplanation: row.due_explanation,
    clockStopped: row.clock_stopped,
    overdue: row.overdue,
    correction: view.correction ?? null,
    extension: view.extension ?? null,
    consultation: view.consultation ?? null,
    fee: view.fee ?? null,
    reply: withApplicant ? view.reply ?? null : replyWithMaskedName(view.reply ?? null, row.applicant_name, mask(row.applicant_name)),
    result: outcomeOf(row),
    closedOn: row.closed_on,
    late: row.late,
  };
}
