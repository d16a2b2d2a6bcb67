import { Inject, Injectable } from '@nestjs/common';
import { diffArrays, diffChars, type ChangeObject } from 'diff';
import { DataSource } from 'typeorm';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { ItemsService } from './items.service';

interface RevisionRow {
  revision: number;
  title: string;
  body: string;
  interpretation: string | null;
  formed_at: string;
  channels: string[];
  recorded_at: Date;
}

/** One run of a field's diff: text common to both revisions, or added in the later, or removed from the earlier. */
export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

export interface FieldDiff {
  field: 'title' | 'body' | 'interpretation' | 'formedAt' | 'channels';
  label: string;
  changed: boolean;
  /** Only for a changed field: an unchanged one would repeat the whole text for nothing. */
  parts?: DiffPart[];
}

const FIELD_LABELS: Readonly<Record<FieldDiff['field'], string>> = { title: '标题', body: '正文', interpretation: '政策解读', formedAt: '信息形成日期', channels: '发布渠道' };

/** A character diff gives up after this long on two very different long texts, and shows them as replaced. */
const DIFF_TIMEOUT_MS = 1500;

function compact<T>(changes: readonly ChangeObject<T>[], text: (value: T) => string): DiffPart[] {
  return changes.map((change) => ({ value: text(change.value), ...(change.added ? { added: true as const } : {}), ...(change.removed ? { removed: true as const } : {}) }));
}

/**
 * Chinese has no spaces between words, so the diff works on characters. It runs asynchronously (the event
 * loop stays free) and gives up after a time limit: the field is then shown as removed and re-added whole.
 */
function diffText(before: string, after: string): Promise<DiffPart[]> {
  return new Promise((resolve) => {
    diffChars(before, after, {
      timeout: DIFF_TIMEOUT_MS,
      callback: (changes) => {
        resolve(changes ? compact(changes, (value) => value) : [...(before ? [{ value: before, removed: true as const }] : []), ...(after ? [{ value: after, added: true as const }] : [])]);
      },
    });
  });
}

function revisionView(row: RevisionRow) {
  return { revision: row.revision, title: row.title, recordedAt: row.recorded_at.toISOString() };
}

function parseRevision(field: 'from' | 'to', raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw ApiError.invalid(field, '须为修订号（1、2、……）');
  return Number(raw);
}

/** The content of each revision (稿) of an item, and what changed between two of them. */
@Injectable()
export class ItemRevisionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
  ) {}

  async list(actor: Actor, itemId: string) {
    const item = await this.items.loadVisible(actor, itemId);
    const rows = await this.rows(itemId);
    return {
      itemId,
      currentRevision: item.revision,
      items: rows.map((row, index) => {
        const previous = rows[index - 1];
        return { ...revisionView(row), changedFields: previous ? changedFields(previous, row) : [] };
      }),
    };
  }

  async diff(actor: Actor, itemId: string, rawFrom: string, rawTo: string) {
    const from = parseRevision('from', rawFrom);
    const to = parseRevision('to', rawTo);
    await this.items.loadVisible(actor, itemId);
    const rows = await this.rows(itemId, [from, to]);
    const before = rows.find((row) => row.revision === from);
    const after = rows.find((row) => row.revision === to);
    if (!before) throw ApiError.notFound(`事项 ${itemId} 没有第 ${from} 次修订的记录`);
    if (!after) throw ApiError.notFound(`事项 ${itemId} 没有第 ${to} 次修订的记录`);
    const fields: FieldDiff[] = [];
    for (const field of ['title', 'body', 'interpretation'] as const) {
      const a = before[field] ?? '';
      const b = after[field] ?? '';
      fields.push({ field, label: FIELD_LABELS[field], changed: a !== b, ...(a !== b ? { parts: await diffText(a, b) } : {}) });
    }
    const formedChanged = before.formed_at !== after.formed_at;
    fields.push({
      field: 'formedAt',
      label: FIELD_LABELS.formedAt,
      changed: formedChanged,
      ...(formedChanged ? { parts: [{ value: before.formed_at, removed: true as const }, { value: after.formed_at, added: true as const }] } : {}),
    });
    const channelsChanged = before.channels.join('\u0000') !== after.channels.join('\u0000');
    fields.push({
      field: 'channels',
      label: FIELD_LABELS.channels,
      changed: channelsChanged,
      ...(channelsChanged ? { parts: compact(diffArrays(before.channels, after.channels), (value) => value.join('、')) } : {}),
    });
    return { itemId, from: revisionView(before), to: revisionView(after), changed: fields.some((f) => f.changed), fields };
  }

  private rows(itemId: string, only?: number[]): Promise<RevisionRow[]> {
    return this.dataSource.query(
      `SELECT revision, title, body, interpretation, to_char(formed_at, 'YYYY-MM-DD') AS formed_at, channels, recorded_at
         FROM item_revisions WHERE item_id = $1 AND ($2::int[] IS NULL OR revision = ANY($2::int[])) ORDER BY revision`,
      [itemId, only ?? null],
    );
  }
}

function changedFields(before: RevisionRow, after: RevisionRow): FieldDiff['field'][] {
  return [
    ...(before.title !== after.title ? (['title'] as const) : []),
    ...(before.body !== after.body ? (['body'] as const) : []),
    ...((before.interpretation ?? '') !== (after.interpretation ?? '') ? (['interpretation'] as const) : []),
    ...(before.formed_at !== after.formed_at ? (['formedAt'] as const) : []),
    ...(before.channels.join('\u0000') !== after.channels.join('\u0000') ? (['channels'] as const) : []),
  ];
}
