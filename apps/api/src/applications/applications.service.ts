import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { disclosureApplicationWorkflowId, type ApplicationStepRequest } from '@zwgk/contracts';
import { chinaDateOf, hasOversight, isCalendarDate, maySeeApplicantData, maySeeApplication, type Actor, type ApplicationChannel, type ApplicationColumn } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { ConcernRateLimiter } from '../concerns/concern-rate-limiter';
import { toActorRef } from '../items/items.service';
import { ApplicationDemandsService } from './application-demands.service';
import { ApplicationWorkflowClient } from './application-workflow.client';
import type { ApplicationStepDto, LookupApplicationDto, RegisterApplicationDto, SubmitApplicationDto } from './application.dto';
import { toPublicStatus, toStaffApplication, type ApplicationRow } from './application.mapper';

/** The 政府信息公开工作机构 that receives applications: the county's disclosure office. */
export const APPLICATION_OFFICE_DEPARTMENT = 'office';
export const APPLICATION_INTAKE_LIMITER = Symbol('APPLICATION_INTAKE_LIMITER');
export const APPLICATION_LOOKUP_LIMITER = Symbol('APPLICATION_LOOKUP_LIMITER');

/** Audit actions shown to the applicant on the portal, with their wording. */
const PUBLIC_ACTIONS: Record<string, string> = {
  'application.submitted': '已提交',
  'application.signed': '已签收',
  'application.accepted': '已受理',
  'application.correction-requested': '需要补正',
  'application.correction-received': '已收到补正',
  'application.extension-approved': '答复期限已延长',
  'application.fee-notice': '收费通知',
  'application.fee-paid': '已缴费',
  'application.closed': '已办结',
};

const hashCode = (queryNumber: string, code: string) => createHash('sha256').update(`${queryNumber}:${code}`).digest('hex');

@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ApplicationWorkflowClient) private readonly workflows: ApplicationWorkflowClient,
    @Inject(APPLICATION_INTAKE_LIMITER) private readonly intakeLimiter: ConcernRateLimiter,
    @Inject(APPLICATION_LOOKUP_LIMITER) private readonly lookupLimiter: ConcernRateLimiter,
    @Inject(ApplicationDemandsService) private readonly demands: ApplicationDemandsService,
  ) {}

  /** Online intake (no login): the clock starts only once the office confirms it (条例 Art. 31 (三)). */
  async submitFromPublic(dto: SubmitApplicationDto, clientAddress: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const id = idempotencyKey ? uuidFromKey(`application:${clientAddress}`, idempotencyKey) : randomUUID();
    if (idempotencyKey && (await this.row(id))) throw ApiError.conflict('该申请已提交；查询号与验证码已在首次提交时给出');
    await this.intakeLimiter.take('public-application', clientAddress);
    return this.create(id, { ...dto, channel: 'online', submittedOn: chinaDateOf(new Date()) }, undefined, requestId);
  }

  /** A letter, fax or in-person application registered by the office. */
  async register(actor: Actor, dto: RegisterApplicationDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    // A real date the working-day calendar covers, so every deadline of the application can be counted.
    for (const field of ['submittedOn', 'signedForOn'] as const) {
      const value = dto[field];
      if (value !== undefined && !isCalendarDate(value)) throw ApiError.invalid(field, '须为 YYYY-MM-DD 格式的真实日期（2008—2099年）');
    }
    if (dto.submittedOn > chinaDateOf(new Date())) throw ApiError.invalid('submittedOn', '提交日期不能晚于今天');
    if (dto.signedForOn !== undefined && dto.channel !== 'registered-post') throw ApiError.invalid('signedForOn', '只有邮寄（需签收）的申请填写签收日期');
    const id = idempotencyKey ? uuidFromKey(`application:${actor.username}`, idempotencyKey) : randomUUID();
    const existing = await this.row(id);
    if (existing) return toStaffApplication(existing, true);
    const receipt = await this.create(id, dto, actor, requestId);
    return { ...toStaffApplication((await this.row(id))!, true), verificationCode: receipt.verificationCode };
  }

  private async create(id: string, dto: SubmitApplicationDto & { channel: string; submittedOn: string; signedForOn?: string }, actor: Actor | undefined, requestId: string | undefined) {
    const today = chinaDateOf(new Date()).replaceAll('-', '');
    const queryNumber = `YSQ${today}${randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()}`;
    const verificationCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.dataSource.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type, applicant_name,
         id_document, contact_phone, contact_email, contact_address, description, delivery_form, submitted_on, signed_for_on, registered_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [id, queryNumber, hashCode(queryNumber, verificationCode), disclosureApplicationWorkflowId(id), APPLICATION_OFFICE_DEPARTMENT, dto.channel, dto.applicantType, dto.applicantName,
        dto.idDocument, dto.phone ?? null, dto.email ?? null, dto.address ?? null, dto.description, dto.deliveryForm, dto.submittedOn, dto.signedForOn ?? null, actor?.username ?? null],
    );
    await this.workflows.start({
      applicationId: id,
      queryNumber,
      channel: dto.channel as ApplicationChannel,
      applicantType: dto.applicantType as ApplicationColumn,
      submittedOn: dto.submittedOn,
      ...(dto.signedForOn ? { signedForOn: dto.signedForOn } : {}),
      officeDepartmentCode: APPLICATION_OFFICE_DEPARTMENT,
      ...(actor ? { registeredBy: toActorRef(actor, requestId) } : {}),
    });
    return { queryNumber, verificationCode };
  }

  /** The applicant's view by 查询号 and code; a wrong pair is a plain 404, and tries are rate-limited. */
  async lookup(dto: LookupApplicationDto, clientAddress: string) {
    await this.lookupLimiter.take('public-application-lookup', clientAddress);
    const rows: (ApplicationRow & { verification_hash: string })[] = await this.dataSource.query(`${this.select()} WHERE query_number = $1`, [dto.queryNumber]);
    const row = rows[0];
    const expected = Buffer.from(hashCode(dto.queryNumber, dto.verificationCode));
    if (!row || !timingSafeEqual(expected, Buffer.from(row.verification_hash.padEnd(expected.length).slice(0, expected.length)))) throw new ApiError('application.lookup-failed', '查询号或验证码不正确');
    const events: { action: string; occurred_at: Date; notice: string | null }[] = await this.dataSource.query(
      `SELECT action, occurred_at, detail->>'applicantNotice' AS notice FROM audit_events WHERE detail->>'applicationId' = $1 AND action = ANY($2) ORDER BY id`,
      [row.id, Object.keys(PUBLIC_ACTIONS)],
    );
    return toPublicStatus(row, events.map((event) => ({ action: PUBLIC_ACTIONS[event.action], at: event.occurred_at, ...(event.notice ? { notice: event.notice } : {}) })));
  }

  async list(actor: Actor, state: string | undefined) {
    // Oversight and the office see every application; a department sees those it handles.
    const everything = hasOversight(actor) || actor.departmentCode === APPLICATION_OFFICE_DEPARTMENT;
    const rows = (await this.dataSource.query(
      `${this.select()} WHERE ($1::text IS NULL OR state = $1) AND ($2 OR handling_department_code = $3) ORDER BY submitted_on DESC, id LIMIT 500`,
      [state ?? null, everything, actor.departmentCode],
    )) as ApplicationRow[];
    // The 督办 still to be closed on each: the department sees on its list what it must answer.
    const demands = await this.demands.openOn(rows.map((row) => row.id));
    return {
      items: rows.map((row) => {
        const demand = demands.get(row.id);
        return { ...toStaffApplication(row, maySeeApplicantData(actor, this.facts(row))), demand: demand ? { id: demand.id, state: demand.state, stateLabel: demand.stateLabel, dueDate: demand.dueDate } : null };
      }),
    };
  }

  async get(actor: Actor, id: string) {
    const row = await this.visibleRow(actor, id);
    const timeline = await this.dataSource.query(`SELECT action, actor, reason, occurred_at AS "at", detail FROM audit_events WHERE detail->>'applicationId' = $1 ORDER BY id`, [id]);
    return { ...toStaffApplication(row, maySeeApplicantData(actor, this.facts(row))), timeline };
  }

  async step(actor: Actor, id: string, dto: ApplicationStepDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.visibleRow(actor, id);
    const { step, ...fields } = dto;
    await this.workflows.step(id, { ...fields, step, actor: toActorRef(actor, requestId) } as unknown as ApplicationStepRequest, idempotencyKey);
    const after = (await this.row(id))!;
    return toStaffApplication(after, maySeeApplicantData(actor, this.facts(after)));
  }

  /** The list as one sheet, one row per application; personal data only where maySeeApplicantData allows. */
  async exportXlsx(actor: Actor, state: string | undefined): Promise<Buffer> {
    const { items } = await this.list(actor, state);
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('依申请公开');
    const columns: { header: string; width: number; value: (a: (typeof items)[number]) => string | null }[] = [
      { header: '查询号', width: 20, value: (a) => a.queryNumber },
      { header: '申请方式', width: 10, value: (a) => a.channelLabel },
      { header: '申请人类型', width: 12, value: (a) => a.applicantTypeLabel },
      { header: '申请人', width: 14, value: (a) => a.applicant.name },
      { header: '证件号码', width: 22, value: (a) => a.applicant.idDocument ?? (a.applicant.masked ? '（已遮蔽）' : null) },
      { header: '联系电话', width: 16, value: (a) => a.applicant.phone ?? (a.applicant.masked ? '（已遮蔽）' : null) },
      { header: '电子邮箱', width: 24, value: (a) => a.applicant.email ?? (a.applicant.masked ? '（已遮蔽）' : null) },
      { header: '申请内容', width: 40, value: (a) => a.description },
      { header: '提交日期', width: 12, value: (a) => a.submittedOn },
      { header: '收到日期', width: 12, value: (a) => a.receivedOn },
      { header: '状态', width: 10, value: (a) => a.stateLabel },
      { header: '承办部门', width: 10, value: (a) => a.handlingDepartmentCode },
      { header: '答复期限', width: 12, value: (a) => a.dueDate },
      { header: '是否逾期', width: 8, value: (a) => (a.overdue ? '是' : '否') },
      { header: '处理结果', width: 20, value: (a) => a.result?.label ?? null },
      { header: '办结日期', width: 12, value: (a) => a.closedOn },
    ];
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    for (const item of items) sheet.addRow(columns.map((column) => column.value(item)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** A print-ready page with the reply letter, or a note that none is drafted yet. */
  async replyLetterPage(actor: Actor, id: string): Promise<string> {
    const row = await this.visibleRow(actor, id);
    const staff = toStaffApplication(row, maySeeApplicantData(actor, this.facts(row)));
    // toStaffApplication has already masked the applicant's name in the letter for whoever may not see it.
    const letter = staff.reply?.letter ?? null;
    const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const body = letter
      ? `<pre class="letter">${escape(letter)}</pre>`
      : `<p class="none">申请 ${escape(staff.queryNumber)} 尚未起草告知书。</p>`;
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>告知书 ${escape(staff.queryNumber)}</title>
<style>body{font-family:"FangSong","STFangsong",serif;max-width:42em;margin:2em auto;font-size:16pt;line-height:1.8}
.letter{white-space:pre-wrap;font-family:inherit}.meta{font-size:10pt;color:#555}@media print{.meta{display:none}@page{size:A4;margin:2.5cm}}</style>
</head><body><p class="meta">查询号 ${escape(staff.queryNumber)} · ${escape(staff.stateLabel)}${staff.closedOn ? ` · 办结 ${escape(staff.closedOn)}` : ''}</p>${body}</body></html>`;
  }

  private facts(row: ApplicationRow) {
    return { officeDepartmentCode: row.office_department_code, handlingDepartmentCode: row.handling_department_code };
  }

  private async visibleRow(actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await this.row(id);
    if (!row) throw ApiError.notFound(`没有申请 ${id}`);
    if (!maySeeApplication(actor, this.facts(row))) throw ApiError.forbidden('该申请不由您所在的部门办理');
    return row;
  }

  private select(): string {
    return `SELECT * FROM (SELECT id, query_number, verification_hash, office_department_code, channel, applicant_type, applicant_name, id_document,
        contact_phone, contact_email, contact_address, description, delivery_form, submitted_on::text AS submitted_on, state, handling_department_code,
        received_on::text AS received_on, due_at, due_date::text AS due_date, due_explanation, clock_stopped, overdue, outcome, closed_on::text AS closed_on,
        late, reply_letter, view FROM disclosure_applications) a`;
  }

  private async row(id: string): Promise<ApplicationRow | undefined> {
    return ((await this.dataSource.query(`${this.select()} WHERE id = $1`, [id])) as ApplicationRow[])[0];
  }
}
