import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { justifyFinding, listCurrentFindings, rescanItemFindings, writeAuditEvent } from '@zwgk/db';
import { findingPlace, maskSpan, mayJustifyPersonalInformation, releaseBlockedMessage, releaseBlockers, type Actor, type PersonalInformationKind } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { ItemsService, toActorRef } from '../items/items.service';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import { toFindingView } from './personal-information.mapper';

/** States in which the item's findings still change with its content: before release, and not closed. */
const SCANNED_STATES = ['DRAFT', 'RETURNED', 'IN_REVIEW', 'APPROVED'];

@Injectable()
export class PersonalInformationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
  ) {}

  /** The item's current findings, for its drafter and its reviewers; scanned afresh while the item can still change. */
  async findings(actor: Actor, itemId: string) {
    const item = await this.items.loadVisible(actor, itemId);
    const findings = SCANNED_STATES.includes(item.state) ? await rescanItemFindings(this.dataSource, itemId) : await listCurrentFindings(this.dataSource, itemId);
    const unchecked: { attachment_id: string; file_name: string; status: string }[] = await this.dataSource.query(
      `SELECT a.id AS attachment_id, a.file_name, t.status FROM item_attachments a JOIN attachment_texts t ON t.attachment_id = a.id
        WHERE a.item_id = $1 AND a.removed_at IS NULL AND t.status = 'image' ORDER BY a.uploaded_at, a.id`,
      [itemId],
    );
    return {
      itemId,
      items: findings.map(toFindingView),
      open: releaseBlockers(findings).length,
      releaseBlocked: releaseBlockers(findings).length > 0,
      blockedMessage: releaseBlockedMessage(findings) ?? null,
      // Pictures are not read (no OCR): listed for the reviewer to look at, without holding up the release.
      imagesToCheck: unchecked.map((row) => ({ attachmentId: row.attachment_id, fileName: row.file_name, note: '图片附件无法自动检查，请人工查看' })),
    };
  }

  /**
   * The drafter's one click: writes the standard masking of a text finding into the draft, as a revision
   * through the item's workflow (which refuses it unless the item is a draft, returned, or signed).
   */
  async mask(actor: Actor, itemId: string, findingId: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const item = await this.items.loadVisible(actor, itemId);
    if (item.drafterUsername !== actor.username) throw ApiError.forbidden(`只有起草人（${item.drafterUsername}）可以修改事项 ${itemId} 的内容`);
    const finding = (await rescanItemFindings(this.dataSource, itemId)).find((candidate) => candidate.id === findingId);
    if (!finding) throw ApiError.notFound(`事项 ${itemId} 当前没有编号为 ${findingId} 的个人信息提示（可能已经脱敏）`);
    if (finding.field === 'attachment') {
      throw ApiError.conflict(`附件中的个人信息无法在线脱敏：请修改${findingPlace(finding)}后删除原附件并重新上传`);
    }
    if (finding.status !== 'open') throw ApiError.conflict(`该个人信息已${finding.status === 'justified' ? '记录公开依据' : '脱敏'}，无需再处理`);
    const text = finding.field === 'title' ? item.title : finding.field === 'body' ? item.body : item.interpretation ?? '';
    const masked = maskSpan(text, finding.kind as PersonalInformationKind, finding.start, finding.end);
    await this.workflows.revise(itemId, { actor: toActorRef(actor, requestId), [finding.field]: masked }, idempotencyKey);
    return this.findings(actor, itemId);
  }

  /** A 保密审查 reviewer records why a finding may be released as it is; audited with the reason. */
  async justify(actor: Actor, itemId: string, findingId: string, reason: string, requestId: string | undefined) {
    const item = await this.items.loadVisible(actor, itemId);
    if (!mayJustifyPersonalInformation(actor, item.departmentCode)) throw ApiError.forbidden(`只有${item.departmentCode}部门的保密审查人员可以记录公开依据`);
    if (!['DRAFT', 'RETURNED', 'IN_REVIEW'].includes(item.state)) throw ApiError.conflict(`事项状态为 ${item.state}，保密审查已经结束，不能再记录公开依据`);
    if (!reason.trim()) throw ApiError.invalid('reason', '请写明公开该个人信息的法律依据');
    await rescanItemFindings(this.dataSource, itemId);
    await this.dataSource.transaction(async (manager) => {
      const justified = await justifyFinding(manager, itemId, findingId, reason.trim(), actor.username);
      if (!justified) throw ApiError.notFound(`事项 ${itemId} 当前没有编号为 ${findingId} 的个人信息提示`);
      await writeAuditEvent(manager, {
        eventKey: `personal-information.justified:${findingId}:${justified.justifiedAt}`,
        itemId,
        actor: actor.username,
        actorRole: 'secrecy-reviewer',
        departmentCode: actor.departmentCode,
        action: 'personal-information.justified',
        reason: reason.trim(),
        detail: { findingId, kind: justified.kind, field: justified.field, fileName: justified.fileName, page: justified.page, maskedPreview: justified.maskedPreview, revision: item.revision },
        requestId,
      });
    });
    return this.findings(actor, itemId);
  }
}

/**
 * The release gate at the stages that decide a release (保密审查 and 签发): an approval is refused while a
 * finding is neither masked nor justified, so the task stays open and nothing reaches the workflow. While
 * an item is in review its content and files cannot change, so the scan here sees what would be released.
 */
export async function refuseUnresolvedPersonalInformation(dataSource: DataSource, task: { readonly itemId: string; readonly stage: string }, decision: string): Promise<void> {
  if (decision !== 'approve' || (task.stage !== 'confidentiality-review' && task.stage !== 'sign-off')) return;
  const message = releaseBlockedMessage(await rescanItemFindings(dataSource, task.itemId));
  if (message) throw new ApiError('personal-information.unresolved', message, [{ field: 'decision', problems: [message], code: 'personal-information.unresolved' }]);
}
