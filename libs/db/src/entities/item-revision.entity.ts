import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The content of one revision (稿) of an item, as the workflow last recorded it: what the revision diff compares. */
@Entity({ name: 'item_revisions' })
export class ItemRevisionEntity {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @PrimaryColumn({ type: 'int' })
  revision!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  interpretation!: string | null;

  @Column({ name: 'formed_at', type: 'date' })
  formedAt!: string;

  @Column({ type: 'text', array: true })
  channels!: string[];

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
