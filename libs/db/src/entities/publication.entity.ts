import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The release ledger: one row per channel, revision and action. Its unique key makes retries publish once. */
@Entity({ name: 'publications' })
export class PublicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'varchar', length: 100 })
  channel!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: 'publish' | 'withdraw';

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;
}
