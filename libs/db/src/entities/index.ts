import { AuditEventEntity } from './audit-event.entity';
import { CatalogItemEntity, CatalogVersionEntity } from './catalog.entity';
import { DepartmentEntity } from './department.entity';
import { DisclosureItemEntity } from './disclosure-item.entity';
import { PublicationEntity } from './publication.entity';
import { ReviewTaskEntity } from './review-task.entity';
import { UserEntity } from './user.entity';

export {
  AuditEventEntity,
  CatalogItemEntity,
  CatalogVersionEntity,
  DepartmentEntity,
  DisclosureItemEntity,
  PublicationEntity,
  ReviewTaskEntity,
  UserEntity,
};
export type { ReviewTaskState } from './review-task.entity';

export const ENTITIES = [
  AuditEventEntity,
  CatalogItemEntity,
  CatalogVersionEntity,
  DepartmentEntity,
  DisclosureItemEntity,
  PublicationEntity,
  ReviewTaskEntity,
  UserEntity,
];
