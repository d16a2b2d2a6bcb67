import { lazy, type ComponentType } from 'react';
import type { Session } from './api';
import { DraftScreen } from './screens/drafting/DraftScreen';
import { InboxScreen } from './screens/inbox/InboxScreen';
import { OrganisationScreen } from './screens/organisation/OrganisationScreen';
import { PortalItemScreen } from './screens/portal/PortalItemScreen';
import { PortalScreen } from './screens/portal/PortalScreen';
import { AnnualReportScreen } from './screens/reports/AnnualReportScreen';
import { AssessmentScreen } from './screens/reports/AssessmentScreen';
import { ReviewScreen } from './screens/inbox/ReviewScreen';
import { ApplicationsScreen } from './screens/applications/ApplicationsScreen';
import { PortalApplicationScreen } from './screens/applications/PortalApplicationScreen';
import { CompilationScreen } from './screens/catalog-compilation/CompilationScreen';
import { ConsultationPortal } from './screens/consultations/ConsultationPortal';
import { ConsultationStaffScreen } from './screens/consultations/ConsultationStaffScreen';
import { PublicCatalogScreen } from './screens/public-catalog/PublicCatalogScreen';

/** The path parameters of a route (`:id` in '/items/:id'), as React Router parses them. */
export type RouteParams = Readonly<Record<string, string | undefined>>;

/** Who sees the reviewers' inbox, and who may read the annual report and the assessment (the API's own rules). */
export const REVIEW_ROLES = ['reviewer', 'secrecy-reviewer', 'legal-reviewer', 'leader', 'disclosure-office'] as const;
export const REPORT_ROLES = ['supervisor', 'admin', 'disclosure-office'] as const;

/** A link in the staff navigation, shown to the holders of `roles` (default: the route's own roles). */
export interface NavEntry {
  readonly label: string;
  readonly roles?: readonly string[];
}

/** A staff screen: shown only when signed in, and when `roles` is given only to a holder of one of them. */
export interface StaffRoute {
  /** A React Router path pattern: '/items', '/items/:id', '/reports/annual/:year?'. */
  readonly path: string;
  readonly roles?: readonly string[];
  readonly nav?: NavEntry;
  readonly screen: ComponentType<{ params: RouteParams; session: Session }>;
}

/** A portal screen: anyone may open it, signed in or not. */
export interface PublicRoute {
  readonly path: string;
  readonly public: true;
  readonly screen: ComponentType<{ params: RouteParams }>;
}

export type ScreenRoute = StaffRoute | PublicRoute;

/** A portal screen at `path`. */
export function portal(path: string, screen: PublicRoute['screen']): PublicRoute {
  return { path, public: true, screen };
}

/** A staff screen at `path`, for the holders of `options.roles` (any signed-in user without). */
export function staff(path: string, screen: StaffRoute['screen'], options: Omit<StaffRoute, 'path' | 'screen'> = {}): StaffRoute {
  return { path, screen, ...options };
}

/**
 * Every screen of the app, one line each; the `nav` entries make the navigation, in this order. A new screen
 * in its own folder registers with one line, and loads on first use when registered lazily:
 *
 *   staff('/concerns/:id', lazy(() => import('./screens/concerns/ConcernScreen')), { roles: REVIEW_ROLES }),
 *
 * where the module's default export is a component taking `{ params, session }` (`params.id` here).
 */
export const ROUTES: readonly ScreenRoute[] = [
  portal('/public', () => <PortalScreen area={undefined} />),
  portal('/public/area/:area', ({ params }) => <PortalScreen area={params.area} />),
  portal('/public/items/:id', ({ params }) => <PortalItemScreen key={params.id} id={params.id!} />),
  portal('/public/catalog', () => <PublicCatalogScreen />),
  portal('/public/applications', () => <PortalApplicationScreen />),
  portal('/public/consultations/:id?', ({ params }) => <ConsultationPortal key={params.id ?? 'list'} id={params.id} />),
  staff('/inbox', () => <InboxScreen />, { nav: { label: '待办审核', roles: REVIEW_ROLES } }),
  staff('/review/:itemId/:taskId', ({ params }) => <ReviewScreen key={params.taskId} itemId={params.itemId!} taskId={params.taskId!} />),
  staff('/draft/:id?', ({ params, session }) => <DraftScreen key={params.id ?? 'new'} session={session} itemId={params.id} />, { nav: { label: '起草公开事项', roles: ['drafter'] } }),
  staff('/items', lazy(() => import('./screens/items/MyItemsScreen')), { nav: { label: '我的事项', roles: ['drafter'] } }),
  staff('/items/:id', lazy(() => import('./screens/items/ItemScreen'))),
  staff('/items/:id/actions', lazy(() => import('./screens/item-actions/ItemActionsScreen'))),
  staff('/concerns', lazy(() => import('./screens/concerns/ConcernsScreen')), { nav: { label: '公众关切' } }),
  staff('/concerns/:id', lazy(() => import('./screens/concerns/ConcernScreen'))),
  staff('/notifications', lazy(() => import('./screens/notifications/NotificationsScreen'))),
  staff('/supervision', lazy(() => import('./screens/supervision/SupervisionScreen')), { nav: { label: '督查督办', roles: ['supervisor', 'admin'] } }),
  staff('/demands/:id', lazy(() => import('./screens/supervision/DemandScreen'))),
  staff('/reports', ({ session }) => <AnnualReportScreen year={undefined} session={session} />, { nav: { label: '报表与考核', roles: REPORT_ROLES } }),
  staff('/reports/annual/:year?', ({ params, session }) => <AnnualReportScreen key={params.year ?? ''} year={params.year} session={session} />),
  staff('/reports/assessment', () => <AssessmentScreen />),
  staff('/compilation/:roundId?', ({ params, session }) => <CompilationScreen key={params.roundId ?? 'list'} session={session} roundId={params.roundId} />, { nav: { label: '目录编制', roles: ['disclosure-office', 'drafter', 'reviewer', 'legal-reviewer', 'leader'] } }),
  staff('/applications/:id?', ({ params, session }) => <ApplicationsScreen key={params.id ?? 'list'} id={params.id} session={session} />, { nav: { label: '依申请公开' } }),
  staff('/consultations/:id?', ({ params, session }) => <ConsultationStaffScreen key={params.id ?? 'list'} id={params.id} session={session} />, { nav: { label: '意见征集' } }),
  staff('/obligations', lazy(() => import('./screens/obligations/ObligationsScreen')), { nav: { label: '定期公开', roles: ['drafter', 'disclosure-office', 'admin', 'supervisor'] } }),
  staff('/catalog-admin/:versionId?', lazy(() => import('./screens/catalog-admin/CatalogAdminScreen')), { roles: ['admin'], nav: { label: '目录管理' } }),
  staff('/calendar/:batchId?', lazy(() => import('./screens/calendar/CalendarScreen')), { roles: ['admin', 'supervisor'], nav: { label: '节假日安排' } }),
  staff('/review-chains', lazy(() => import('./screens/review-chains/ReviewChainsScreen')), { roles: ['admin'], nav: { label: '审核流程' } }),
  staff('/audit', lazy(() => import('./screens/audit/AuditScreen')), { roles: ['supervisor', 'admin'], nav: { label: '审计日志' } }),
  staff('/audit/:scope/:key', lazy(() => import('./screens/audit/AuditScreen')), { roles: ['supervisor', 'admin'] }),
  staff('/organisation', ({ session }) => <OrganisationScreen session={session} />, { roles: ['admin'], nav: { label: '组织机构' } }),
];

/** The staff home for each user: the inbox for reviewers, drafting for drafters, the overdue list for supervisors. */
export function homeOf(session: Session): string {
  const roles = session.actor.roles;
  if (roles.some((role) => (REVIEW_ROLES as readonly string[]).includes(role))) return '/inbox';
  if (roles.includes('drafter')) return '/items';
  if (roles.includes('supervisor') || roles.includes('admin')) return '/supervision';
  return '/public';
}

/** Whether the user holds one of the roles; no roles means any signed-in user. */
export function mayOpen(session: Session, roles: readonly string[] | undefined): boolean {
  return !roles || session.actor.roles.some((role) => roles.includes(role));
}
