import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  CatalogItemCodeAttribute,
  DepartmentIdAttribute,
  DisclosureStateAttribute,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  type DisclosureItemInput,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { CatalogItemEntity } from '@zwgk/db';
import { chinaDateOf } from '@zwgk/domain';
import { toCatalogItemResponse } from '../catalog/catalog-item.mapper';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/** The catalog row as a workflow carries it: copied in, so that a running item keeps its rule. */
export function workflowCatalogItem(entity: CatalogItemEntity): DisclosureItemInput['catalogItem'] {
  const catalogItem = toCatalogItemResponse(entity);
  return {
    code: catalogItem.code,
    area: catalogItem.area,
    level1: catalogItem.level1,
    level2: catalogItem.level2,
    ...(catalogItem.level3 ? { level3: catalogItem.level3 } : {}),
    content: catalogItem.content,
    basis: catalogItem.basis,
    subject: catalogItem.subject,
    channels: catalogItem.channels,
    mode: catalogItem.mode,
    timeLimit: catalogItem.timeLimit,
    needsInterpretation: catalogItem.needsInterpretation,
  };
}

/** The read model's states a completed item workflow is re-opened from. */
export type ReopenableState = 'RELEASED' | 'WITHDRAWN';

interface ReleasedRow {
  id: string;
  state: ReopenableState;
  catalog_version_id: string;
  catalog_item_code: string;
  department_code: string;
  drafter_username: string;
  drafter_display_name: string | null;
  drafter_roles: string[] | null;
  formed_at: string;
  channels: string[];
  revision: number;
  title: string;
  body: string;
  interpretation: string | null;
  normative_document: boolean;
  release_due_at: Date;
  release_due_explanation: string | null;
  release_due_provisional: boolean;
  released_at: Date;
  publicity_ends_at: Date | null;
  edition: number;
  edition_revision: number;
  edition_title: string;
  edition_body: string;
  edition_interpretation: string | null;
  content_hash: string;
  edition_released_at: Date;
  interpretation_due_at: string | null;
}

/**
 * A released item's workflow completes once nothing is left to time (the workflows open are the items in
 * progress). A later withdrawal, new edition or public concern starts it again with update-with-start, from
 * the state the read model recorded when it closed; while the item's workflow still runs, the Update goes to
 * that run and the start is ignored (USE_EXISTING).
 */
@Injectable()
export class ReleasedItemReopening {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The start operation that re-opens the item's workflow, or undefined when the read model does not say RELEASED
   * (or WITHDRAWN, where `states` allows it: taking a withdrawn item's manual notices down is confirmed on it).
   */
  async startOperation(itemId: string, states: readonly ReopenableState[] = ['RELEASED']): Promise<WithStartWorkflowOperation<(input: DisclosureItemInput) => Promise<DisclosureItemView>> | undefined> {
    const input = await this.resumeInput(itemId, states);
    if (!input) return undefined;
    return new WithStartWorkflowOperation<(input: DisclosureItemInput) => Promise<DisclosureItemView>>(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      ...(this.config.temporal.operatorSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: DisclosureStateAttribute, value: input.resume!.state },
              { key: DepartmentIdAttribute, value: input.drafter.departmentCode },
              { key: CatalogItemCodeAttribute, value: input.catalogItem.code },
            ],
          }
        : {}),
    });
  }

  /** The input a released item's workflow resumes from: the item as first drafted, and where it stands now. */
  async resumeInput(itemId: string, states: readonly ReopenableState[] = ['RELEASED']): Promise<DisclosureItemInput | undefined> {
    const [row]: ReleasedRow[] = await this.dataSource.query(
      `SELECT i.id::text, i.catalog_version_id::text, i.catalog_item_code, i.department_code, i.drafter_username,
              u.display_name AS drafter_display_name, u.roles AS drafter_roles, to_char(i.formed_at, 'YYYY-MM-DD') AS formed_at,
              i.state, i.channels, i.revision, i.title, i.body, i.interpretation, i.normative_document, i.release_due_at,
              i.release_due_explanation, i.release_due_provisional, i.released_at, i.publicity_ends_at,
              e.edition, e.revision AS edition_revision, e.title AS edition_title, e.body AS edition_body,
              e.interpretation AS edition_interpretation, e.content_hash, e.released_at AS edition_released_at,
              (SELECT a.detail->>'dueAt' FROM audit_events a WHERE a.event_key = $2) AS interpretation_due_at
         FROM disclosure_items i
         JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition
         LEFT JOIN users u ON u.username = i.drafter_username
        WHERE i.id = $1 AND i.state = ANY($3::text[]) AND i.release_due_at IS NOT NULL AND i.released_at IS NOT NULL`,
      [itemId, `${disclosureItemWorkflowId(itemId)}:interpretation-pending`, states],
    );
    if (!row) return undefined;
    const catalogRow = await this.dataSource.getRepository(CatalogItemEntity).findOneBy({ versionId: row.catalog_version_id, code: row.catalog_item_code });
    if (!catalogRow) return undefined;
    const editionContent = { title: row.edition_title, body: row.edition_body, ...(row.edition_interpretation ? { interpretation: row.edition_interpretation } : {}) };
    // A withdrawn item has nothing left to time: no 公示期, no interpretation owed.
    const withdrawn = row.state === 'WITHDRAWN';
    const publicityRuns = !withdrawn && row.publicity_ends_at !== null && row.publicity_ends_at.getTime() > Date.now();
    return {
      itemId: row.id,
      drafter: {
        username: row.drafter_username,
        displayName: row.drafter_display_name ?? row.drafter_username,
        departmentCode: row.department_code,
        roles: (row.drafter_roles ?? ['drafter']) as DisclosureItemInput['drafter']['roles'],
      },
      catalogVersionId: row.catalog_version_id,
      catalogItem: workflowCatalogItem(catalogRow),
      title: row.title,
      body: row.body,
      formedAt: row.formed_at,
      channels: row.channels,
      normativeDocument: row.normative_document,
      ...(row.interpretation ? { interpretation: row.interpretation } : {}),
      interpretationLagWorkingDays: this.config.policies.interpretationLagWorkingDays,
      resume: {
        state: withdrawn ? 'WITHDRAWN' : 'RELEASED',
        revision: row.revision,
        edition: row.edition,
        content: { title: row.title, body: row.body, ...(row.interpretation ? { interpretation: row.interpretation } : {}) },
        releasedAt: row.released_at.toISOString(),
        releaseDeadline: {
          dueAt: row.release_due_at.toISOString(),
          dueDate: chinaDateOf(row.release_due_at),
          provisional: row.release_due_provisional,
          explanation: row.release_due_explanation ?? '',
          calendarVersion: 'read-model',
        },
        ...(row.interpretation_due_at && !withdrawn ? { interpretationDueAt: row.interpretation_due_at } : {}),
        ...(publicityRuns ? { publicityEndsAt: row.publicity_ends_at!.toISOString() } : {}),
        lastRelease: { edition: row.edition, revision: row.edition_revision, content: editionContent, contentHash: row.content_hash, releasedAt: row.edition_released_at.toISOString() },
      },
    };
  }
}
