import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CatalogCompilationView, CatalogRowProposal } from '@zwgk/contracts';
import { readCatalogFile, readCatalogVersionItems, type CatalogFile } from '@zwgk/db';
import { chinaDateOf, endOfChinaDay, hasOversight, mayProposeCatalogRows, type Actor, type CatalogItem, type LocalDate } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { CatalogService } from '../catalog/catalog.service';
import { toActorRef } from '../items/items.service';
import { CatalogCompilationClient } from './catalog-compilation.client';
import type { DecideRoundDto, OpenCompilationRoundDto, ReviewProposalDto, SubmitProposalDto } from './catalog-compilation.dto';

interface RoundRow {
  id: string;
  kind: 'annual' | 'adjustment';
  year: number;
  areas: string[];
  department_codes: string[];
  due_at: Date;
  legal_review: boolean;
  base_version_id: string;
  office_department_code: string;
  opened_by: string;
  opened_at: Date;
  state: string;
  overdue: boolean;
  result_version_id: string | null;
  diff: unknown;
  last_return: unknown;
}

const toRound = (row: RoundRow) => ({
  id: row.id,
  kind: row.kind,
  year: row.year,
  areas: row.areas,
  departmentCodes: row.department_codes,
  dueAt: row.due_at.toISOString(),
  legalReview: row.legal_review,
  baseVersionId: row.base_version_id,
  officeDepartmentCode: row.office_department_code,
  openedBy: row.opened_by,
  openedAt: row.opened_at.toISOString(),
  state: row.state,
  overdue: row.overdue,
  resultVersionId: row.result_version_id,
  diff: row.diff,
  lastReturn: row.last_return,
});

/**
 * Catalog compilation rounds (目录编制, 动态调整): the checks that need the read model or the base catalog
 * version (the round exists, a department proposes changes only to rows it owns, codes exist or are new),
 * then the round's workflow, whose validators decide who may take which step when.
 */
@Injectable()
export class CatalogCompilationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogService) private readonly catalog: CatalogService,
    @Inject(CatalogCompilationClient) private readonly workflows: CatalogCompilationClient,
  ) {}

  async open(actor: Actor, dto: OpenCompilationRoundDto, key: string | undefined, requestId: string | undefined): Promise<CatalogCompilationView> {
    const departmentCodes = [...new Set(dto.departmentCodes)];
    const known: { code: string }[] = await this.dataSource.query(`SELECT code FROM departments WHERE active AND code = ANY($1)`, [departmentCodes]);
    const unknown = departmentCodes.filter((code) => !known.some((row) => row.code === code));
    if (unknown.length) throw ApiError.invalid('departmentCodes', `不是在用的单位：${unknown.join('、')}`);
    const dueDate = dto.dueDate as LocalDate;
    if (Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) throw ApiError.invalid('dueDate', '不是有效的日期');
    if (dueDate < chinaDateOf(new Date())) throw ApiError.invalid('dueDate', '截止日期不能早于今天');
    const base = await this.catalog.activeVersion();
    return this.workflows.open({
      roundId: key ? uuidFromKey(`compilation-round:${actor.username}`, key) : randomUUID(),
      kind: dto.kind ?? 'annual',
      year: dto.year,
      areas: [...new Set(dto.areas.map((area) => area.trim()))],
      departmentCodes,
      dueAt: endOfChinaDay(dueDate).toISOString(),
      legalReview: dto.legalReview ?? false,
      baseVersionId: base.id,
      officeDepartmentCode: actor.departmentCode,
      openedBy: toActorRef(actor, requestId),
    });
  }

  /** The rounds the actor takes part in (every round for the oversight roles), newest first. */
  async list(actor: Actor) {
    const rows: RoundRow[] = hasOversight(actor)
      ? await this.dataSource.query(`SELECT * FROM catalog_compilation_rounds ORDER BY opened_at DESC LIMIT 200`)
      : await this.dataSource.query(`SELECT * FROM catalog_compilation_rounds WHERE $1 = ANY(department_codes) OR office_department_code = $1 ORDER BY opened_at DESC LIMIT 200`, [actor.departmentCode]);
    return { items: rows.map(toRound) };
  }

  /** A round with its proposals; a department sees its own proposal only. */
  async detail(actor: Actor, id: string) {
    const round = await this.visibleRound(actor, id);
    const proposals: { department_code: string; department_name: string | null; state: string; revision: number; rows: CatalogRowProposal[]; reviews: unknown[]; overdue: boolean }[] =
      await this.dataSource.query(
        `SELECT p.department_code, d.name AS department_name, p.state, p.revision, p.rows, p.reviews, p.overdue
           FROM catalog_compilation_proposals p LEFT JOIN departments d ON d.code = p.department_code
          WHERE p.round_id = $1 ORDER BY array_position($2::text[], p.department_code::text)`,
        [id, round.department_codes],
      );
    const mine = (code: string) => hasOversight(actor) || code === actor.departmentCode || actor.departmentCode === round.office_department_code;
    return {
      ...toRound(round),
      proposals: proposals.filter((p) => mine(p.department_code)).map((p) => ({
        departmentCode: p.department_code, departmentName: p.department_name, state: p.state, revision: p.revision, rows: p.rows, reviews: p.reviews, overdue: p.overdue,
      })),
    };
  }

  async submit(actor: Actor, id: string, departmentCode: string, dto: SubmitProposalDto, key: string | undefined, requestId: string | undefined) {
    const round = await this.visibleRound(actor, id);
    if (!round.department_codes.includes(departmentCode)) throw ApiError.notFound(`部门 ${departmentCode} 不在本轮编制范围内`);
    if (!mayProposeCatalogRows(actor, departmentCode)) throw ApiError.forbidden(`只有部门 ${departmentCode} 的起草人或负责人可以提交本部门的目录事项`);
    const base = new Map((await readCatalogVersionItems(this.dataSource, round.base_version_id)).map((item) => [item.code, item]));
    const named = new Set(dto.rows.flatMap((row) => row.row?.departmentCodes ?? []));
    const active: { code: string }[] = await this.dataSource.query(`SELECT code FROM departments WHERE active AND code = ANY($1)`, [[...named]]);
    dto.rows.forEach((proposal, index) => {
      const field = `rows[${index}]`;
      const existing = base.get(proposal.code);
      if (proposal.action === 'add' && existing) throw ApiError.invalid(`${field}.code`, `现行目录已有事项 ${proposal.code}，请用“调整”`);
      if (proposal.action !== 'add' && !existing) throw ApiError.invalid(`${field}.code`, `现行目录没有事项 ${proposal.code}`);
      if (proposal.action !== 'remove' && !proposal.row) throw ApiError.invalid(`${field}.row`, '新增或调整须给出事项内容（六要素）');
      if (existing && !ownedOrUnassigned(existing, departmentCode)) {
        throw new ApiError('catalog.row-not-owned', `目录事项 ${proposal.code} 由 ${existing.departmentCodes?.join('、')} 负责，${departmentCode} 不能调整或删除`, [
          { field: `${field}.code`, problems: [`责任部门为 ${existing.departmentCodes?.join('、')}`] },
        ]);
      }
      const unknown = (proposal.row?.departmentCodes ?? []).filter((code) => !active.some((row) => row.code === code));
      if (unknown.length) throw ApiError.invalid(`${field}.row.departmentCodes`, `不是在用的单位：${unknown.join('、')}`);
      if (proposal.action === 'add' && !proposal.row!.departmentCodes.includes(departmentCode)) {
        throw ApiError.invalid(`${field}.row.departmentCodes`, `新增事项的责任部门须包含提出部门 ${departmentCode}`);
      }
    });
    const rows: CatalogRowProposal[] = dto.rows.map((proposal) => ({
      action: proposal.action,
      code: proposal.code,
      ...(proposal.row && proposal.action !== 'remove' ? { row: { ...proposal.row, level3: proposal.row.level3 || undefined } } : {}),
      source: { kind: proposal.source.kind, reference: proposal.source.reference.trim() },
      ...(proposal.reason?.trim() ? { reason: proposal.reason.trim() } : {}),
    }));
    return this.workflows.submit(id, { actor: toActorRef(actor, requestId), departmentCode, rows }, key);
  }

  /**
   * A department starts from a spreadsheet in the published layout: its rows read as proposals (a row whose
   * code is in the active version as a change, any other as new), for the department to complete and submit.
   */
  async importRows(actor: Actor, id: string, departmentCode: string, files: CatalogFile[]) {
    const round = await this.visibleRound(actor, id);
    if (!round.department_codes.includes(departmentCode)) throw ApiError.notFound(`部门 ${departmentCode} 不在本轮编制范围内`);
    if (!mayProposeCatalogRows(actor, departmentCode)) throw ApiError.forbidden(`只有部门 ${departmentCode} 的起草人或负责人可以导入本部门的目录事项`);
    if (files.length !== 1) throw ApiError.invalid('file', '请上传一个 .xlsx 或 .csv 目录文件');
    const base = new Map((await readCatalogVersionItems(this.dataSource, round.base_version_id)).map((item) => [item.code, item]));
    const read = await readCatalogFile(files[0]!);
    return {
      rows: read.sheets.flatMap((sheet) => sheet.items).map((item) => ({
        action: base.has(item.code) ? 'change' : 'add',
        code: item.code,
        row: {
          area: item.area, level1: item.level1, level2: item.level2, ...(item.level3 ? { level3: item.level3 } : {}), content: item.content, basis: item.basis,
          timeLimitText: item.timeLimit.text, subject: item.subject, departmentCodes: [departmentCode], channels: item.channels, audience: item.audience,
          mode: item.mode, levels: item.levels, category: item.category ?? null, needsInterpretation: item.needsInterpretation,
        },
      })),
      warnings: read.sheets.flatMap((sheet) => sheet.warnings),
    };
  }

  async review(actor: Actor, id: string, departmentCode: string, dto: ReviewProposalDto, key: string | undefined, requestId: string | undefined) {
    await this.visibleRound(actor, id);
    return this.workflows.review(id, { actor: toActorRef(actor, requestId), departmentCode, reviews: dto.reviews }, key);
  }

  async decide(actor: Actor, id: string, dto: DecideRoundDto, key: string | undefined, requestId: string | undefined) {
    await this.visibleRound(actor, id);
    return this.workflows.decide(id, { actor: toActorRef(actor, requestId), stage: dto.stage, decision: dto.decision, ...(dto.comment ? { comment: dto.comment } : {}) }, key);
  }

  async activate(actor: Actor, id: string, key: string | undefined, requestId: string | undefined) {
    await this.visibleRound(actor, id);
    return this.workflows.activate(id, toActorRef(actor, requestId), key);
  }

  /** The round, for an actor of the oversight roles, of the office that opened it, or of a department in it. */
  private async visibleRound(actor: Actor, id: string): Promise<RoundRow> {
    const [round]: RoundRow[] = await this.dataSource.query(`SELECT * FROM catalog_compilation_rounds WHERE id = $1`, [id]);
    if (!round) throw ApiError.notFound(`目录编制轮次 ${id} 不存在`);
    if (!hasOversight(actor) && actor.departmentCode !== round.office_department_code && !round.department_codes.includes(actor.departmentCode)) {
      throw ApiError.forbidden(`目录编制轮次 ${id} 不包括部门 ${actor.departmentCode}`);
    }
    return round;
  }
}

/** A department changes or removes its own rows, and the rows no department owns yet. */
function ownedOrUnassigned(item: CatalogItem, departmentCode: string): boolean {
  const owners = item.departmentCodes ?? [];
  return owners.length === 0 || owners.includes(departmentCode);
}
