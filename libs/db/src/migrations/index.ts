import { Foundation1764150000000 } from './1764150000000-foundation';
import { CatalogImports1764160000000 } from './1764160000000-catalog-imports';
import { HolidayTables1764170000000 } from './1764170000000-holiday-tables';
import { TaskDueExplanation1764180000000 } from './1764180000000-task-due-explanation';
import { ReviewLifecycle1764190000000 } from './1764190000000-review-lifecycle';
import { ChannelLedger1764200000000 } from './1764200000000-channel-ledger';
import { PublicConcerns1764210000000 } from './1764210000000-public-concerns';
import { PeriodicObligations1764220000000 } from './1764220000000-periodic-obligations';
import { ItemEditions1764230000000 } from './1764230000000-item-editions';
import { AuditHashChain1764240000000 } from './1764240000000-audit-hash-chain';
import { InboxIndexes1764250000000 } from './1764250000000-inbox-indexes';
import { UserContacts1764260000000 } from './1764260000000-user-contacts';
import { AnnualReports1764270000000 } from './1764270000000-annual-reports';
import { PublicSearch1764280000000 } from './1764280000000-public-search';
import { AttachmentsAndRevisions1764290000000 } from './1764290000000-attachments-and-revisions';
import { SupervisionDemands1764300000000 } from './1764300000000-supervision-demands';
import { SatisfactionRatings1764310000000 } from './1764310000000-satisfaction-ratings';
import { DepartmentActive1764330000000 } from './1764330000000-department-active';
import { PublicityPeriods1764340000000 } from './1764340000000-publicity-periods';
import { ReleaseDeadlineTimer1764342000000 } from './1764342000000-release-deadline-timer';
import { CatalogRowDepartments1765300000000 } from './1765300000000-catalog-row-departments';
import { CatalogCompilation1765310000000 } from './1765310000000-catalog-compilation';
import { PublicConsultations1765400000000 } from './1765400000000-public-consultations';
import { ItemInterpretations1765400100000 } from './1765400100000-item-interpretations';
import { DisclosureApplications1765100000000 } from './1765100000000-disclosure-applications';
import { PersonalInformationFindings1765200000000 } from './1765200000000-personal-information-findings';

/** Every migration, oldest first. Schema changes only ever happen here, with reviewed SQL. */
export const MIGRATIONS = [Foundation1764150000000, CatalogImports1764160000000, HolidayTables1764170000000, TaskDueExplanation1764180000000, ReviewLifecycle1764190000000, ChannelLedger1764200000000, PublicConcerns1764210000000, PeriodicObligations1764220000000, ItemEditions1764230000000, AuditHashChain1764240000000, InboxIndexes1764250000000, UserContacts1764260000000, AnnualReports1764270000000, PublicSearch1764280000000, AttachmentsAndRevisions1764290000000, SupervisionDemands1764300000000, SatisfactionRatings1764310000000, DepartmentActive1764330000000, PublicityPeriods1764340000000, ReleaseDeadlineTimer1764342000000, DisclosureApplications1765100000000, PersonalInformationFindings1765200000000, CatalogRowDepartments1765300000000, CatalogCompilation1765310000000, PublicConsultations1765400000000, ItemInterpretations1765400100000];
