import { AnnualReportEntity } from './annual-report.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CatalogImportEntity, CatalogItemEntity, CatalogVersionEntity } from './catalog.entity';
import { ConcernDeadlineEntity, ConcernEntity, ConcernResponseEntity } from './concern.entity';
import { DepartmentEntity } from './department.entity';
import { DisclosureItemEntity } from './disclosure-item.entity';
import { ItemAttachmentEntity } from './item-attachment.entity';
import { ItemRevisionEntity } from './item-revision.entity';
import { NotificationEntity } from './notification.entity';
import { ObligationEntity, ObligationTaskEntity } from './obligation.entity';
import { PublicationEntity } from './publication.entity';
import { ReviewTaskEntity } from './review-task.entity';
import { UserEntity } from './user.entity';

export * from './annual-report.entity';
export * from './audit-event.entity';
export * from './catalog.entity';
export * from './concern.entity';
export * from './department.entity';
export * from './disclosure-item.entity';
export * from './item-attachment.entity';
export * from './item-revision.entity';
export * from './notification.entity';
export * from './obligation.entity';
export * from './publication.entity';
export * from './review-task.entity';
export * from './user.entity';

export const ENTITIES = [AnnualReportEntity, AuditEventEntity, CatalogImportEntity, CatalogItemEntity, CatalogVersionEntity, ConcernDeadlineEntity, ConcernEntity, ConcernResponseEntity, DepartmentEntity, DisclosureItemEntity, ItemAttachmentEntity, ItemRevisionEntity, NotificationEntity, ObligationEntity, ObligationTaskEntity, PublicationEntity, ReviewTaskEntity, UserEntity];
