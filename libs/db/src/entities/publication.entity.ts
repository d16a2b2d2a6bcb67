import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelKind } from '@zwgk/domain';

/** What a ledger row records: done on the channel, left to a person (人工发布), or refused by the receiver. */
export type PublicationStatus = 'published' | 'withdrawn' | 'manual-required' | 'failed';

/** The release ledger: one row per channel, revision and action. Its unique key makes retries publish once. */
@Entity({ name: 'publications' })
export class PublicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'varchar', length: 100 })
  channel!: string;

  @Column({ name: 'channel_kind', type: 'varchar', length: 16 })
  channelKind!: ChannelKind;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: 'publish' | 'withdraw';

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: PublicationStatus;

  /** Where to find it on the channel; none while a person still has to publish it. */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  /** What the channel answered (files written, HTTP status) or why it needs a person. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  detail!: Record<string, unknown>;
}
