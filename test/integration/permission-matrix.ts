/**
 * The permission matrix: who may call every route of the API. permission-matrix.int-spec.ts calls each route
 * as each principal against the running system and compares the answer with this table, and fails when a
 * route has no row or a row names a route that does not exist: a new endpoint needs its permissions decided
 * here first.
 *
 * Cells, one per principal in PRINCIPALS order:
 *   A  allow: anything but 401/403 (200 for reads; see the spec's probes for what each write answers)
 *   D  deny: 401 for anonymous, 403 for a signed-in user (another department's data is 403 too, never 404)
 *   N  not found: 404 for everyone (the public portal hides what is not released)
 *   S  scoped out: 200, but this file's 县教育局 fixture is not in the list (on list rows, A means it is)
 *
 * Access kinds (documentation; the cells decide):
 *   public     no sign-in
 *   signed-in  any staff member (what they see may still be scoped to their department)
 *   roles      the roles in the route's @Roles() guard
 *   own-dept   the data of one department (the fixtures are 县教育局's): its staff and the oversight roles
 *              (supervisor, admin, disclosure office) may read; 县民政局's users get 403
 *   holder     only whoever holds the task or step (checked in the service or the workflow's validator)
 *
 * Rules (docs/product.md): supervisors read across departments but never draft or approve; department users
 * see only their own department's non-public data; admins manage the organisation, catalog, calendar and review
 * chains; the public sees only released items.
 */
export const PRINCIPALS = [
  'anonymous',
  'edu.drafter',
  'edu.reviewer',
  'edu.secrecy',
  'edu.legal',
  'edu.leader',
  'civil.drafter',
  'civil.leader',
  'office.publisher',
  'office.supervisor',
  'admin',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** Short column headers for the printed table, in PRINCIPALS order. */
export const PRINCIPAL_HEADERS = ['anon', 'e.draft', 'e.review', 'e.secr', 'e.legal', 'e.lead', 'c.draft', 'c.lead', 'o.publ', 'o.super', 'admin'] as const;

export type Access = 'public' | 'signed-in' | 'roles' | 'own-dept' | 'holder';
export type Cell = 'A' | 'D' | 'N' | 'S';

export interface MatrixRow {
  /** `METHOD /api/path/:param`, as the router knows it. */
  readonly route: string;
  /** A query string or a fixture that makes this row a second case of the same route. */
  readonly variant?: string;
  readonly access: Access;
  readonly cells: Readonly<Record<Principal, Cell>>;
  /** Who, in words. */
  readonly who: string;
}

function row(route: string, access: Access, cells: string, who: string, variant?: string): MatrixRow {
  const parsed = cells.trim().split(/\s+/);
  if (parsed.length !== PRINCIPALS.length || parsed.some((cell) => !['A', 'D', 'N', 'S'].includes(cell))) {
    throw new Error(`matrix row ${route}${variant ?? ''}: "${cells}" needs ${PRINCIPALS.length} cells of A, D, N or S`);
  }
  return { route, access, who, ...(variant ? { variant } : {}), cells: Object.fromEntries(PRINCIPALS.map((principal, index) => [principal, parsed[index] as Cell])) as Record<Principal, Cell> };
}

// prettier-ignore
export const PERMISSION_MATRIX: readonly MatrixRow[] = [
  //  route                                                  access       an e.d e.r e.s e.l e.L c.d c.L o.p o.s adm
  row('GET /api/health',                                     'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/auth/config',                                'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('POST /api/auth/dev-login',                            'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone (dev auth mode only)'),
  row('GET /api/auth/me',                                    'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),

  // The public portal (政务公开专栏): released items only.
  row('GET /api/public/items',                               'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone: released items', '?q= (released item listed)'),
  row('GET /api/public/facets',                              'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/public/feed.atom',                           'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/public/items/:id',                           'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, a released item'),
  row('GET /api/public/items/:id',                           'public',    'N  N   N   N   N   N   N   N   N   N   N', 'nobody: a draft is not public', ' (draft)'),
  row('GET /api/public/items/:id/attachments',               'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, a released item'),
  row('GET /api/public/items/:id/attachments/:attachmentId', 'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, a released item'),
  row('GET /api/public/items/:id/attachments/:attachmentId', 'public',    'N  N   N   N   N   N   N   N   N   N   N', 'nobody: a draft\'s file is not public', ' (draft)'),
  row('POST /api/public/items/:id/concerns',                 'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone (rate-limited)'),
  row('GET /api/public/items/:id/ratings',                   'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/public/items/:id/ratings',                   'public',    'N  N   N   N   N   N   N   N   N   N   N', 'nobody: a draft is not public', ' (draft)'),
  row('POST /api/public/items/:id/ratings',                  'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, once per client'),
  row('GET /api/public/concerns/:concernId/ratings',         'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, a published response'),
  row('GET /api/public/concerns/:concernId/ratings',         'public',    'N  N   N   N   N   N   N   N   N   N   N', 'nobody: the response is not published', ' (unpublished)'),
  row('POST /api/public/concerns/:concernId/ratings',        'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, once per client'),

  row('GET /api/calendar/working-days',                      'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/calendar/years',                             'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('POST /api/calendar/years',                            'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('GET /api/calendar/recalculations/:batchId',           'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),

  row('GET /api/catalog/items',                              'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('GET /api/catalog/versions',                           'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('GET /api/catalog/versions/:id',                       'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('GET /api/catalog/versions/:a/diff/:b',                'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('POST /api/catalog/imports',                           'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('POST /api/catalog/versions/:id/activate',             'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('PATCH /api/catalog/versions/:id/items/:code',         'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('POST /api/catalog-compilation/rounds',                'roles',     'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('GET /api/catalog-compilation/rounds',                 'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: the rounds of their department'),
  row('GET /api/catalog-compilation/rounds/:id',             'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: a round of their department'),
  row('POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode', 'roles', 'D  A   A   D   D   D   A   D   D   D   D', 'drafters, department heads: their own department'),
  row('POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode/import', 'roles', 'D  A   A   D   D   D   A   D   D   D   D', 'drafters, department heads: their own department'),
  row('POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode/review', 'roles', 'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('POST /api/catalog-compilation/rounds/:id/decisions',  'roles',     'D  D   D   D   A   A   D   A   D   D   D', 'legal reviewers, leaders: the office\'s (checked by the workflow)'),
  row('POST /api/catalog-compilation/rounds/:id/activate',   'roles',     'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('GET /api/public/catalog',                             'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone: the active catalog with what was published under each row'),
  row('GET /api/public/catalog.xlsx',                        'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/supervision/catalog-gaps',                   'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'disclosure office, supervisor, admin'),
  row('GET /api/review-chains',                              'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('PUT /api/review-chains',                              'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),

  row('GET /api/org/departments',                            'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('POST /api/org/departments',                           'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('PATCH /api/org/departments/:code',                    'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('GET /api/org/departments/:code/history',              'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'admin, supervisor'),
  row('GET /api/org/users',                                  'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'admin, supervisor'),
  row('POST /api/org/users',                                 'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('PATCH /api/org/users/:username',                      'roles',     'D  D   D   D   D   D   D   D   D   D   A', 'admin'),
  row('GET /api/org/users/:username/history',                'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'admin, supervisor'),

  // Items: drafting is the drafter's; reading is the department's and the oversight roles'.
  row('GET /api/items',                                      'signed-in', 'D  A   S   S   S   S   S   S   S   S   S', 'staff: the items they drafted'),
  row('GET /api/items',                                      'roles',     'D  D   A   D   D   A   D   S   D   D   D', 'department head, leader: their department', '?scope=department'),
  row('POST /api/items',                                     'roles',     'D  A   D   D   D   D   A   D   D   D   D', 'drafters'),
  row('GET /api/items/:id',                                  'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('PATCH /api/items/:id',                                'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('GET /api/items/:id/revisions',                        'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('GET /api/items/:id/revisions/:from/diff/:to',         'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/items/:id/submit',                          'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('POST /api/items/:id/editions',                        'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('POST /api/items/:id/extensions',                      'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisor'),
  row('POST /api/items/:id/withdraw',                        'holder',    'D  A   D   D   D   A   D   D   A   D   D', 'the drafter, the department\'s leader, the disclosure office'),
  row('POST /api/items/:id/ledger/:channel/retry',           'holder',    'D  A   A   D   D   D   D   D   A   D   D', 'the department\'s drafters and reviewers, the disclosure office'),
  row('POST /api/items/:id/ledger/:channel/confirmations',   'holder',    'D  A   A   D   D   D   D   D   A   D   D', 'the department\'s drafters and reviewers, the disclosure office'),
  row('POST /api/items/:id/ledger/:channel/photos',          'holder',    'D  A   A   D   D   D   D   D   A   D   D', 'the department\'s drafters and reviewers, the disclosure office'),
  row('GET /api/items/:id/ledger/photos/:photoId',           'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/items/:id/incidents',                       'holder',    'D  D   D   D   D   A   D   D   A   A   D', 'disclosure office, supervisor, the department\'s leader'),
  row('GET /api/items/:id/audit/verify',                     'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('GET /api/attachments/limits',                         'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff'),
  row('GET /api/items/:id/attachments',                      'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/items/:id/attachments',                     'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('GET /api/items/:id/attachments/:attachmentId',        'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('DELETE /api/items/:id/attachments/:attachmentId',     'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('GET /api/items/:id/personal-information',             'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/items/:id/personal-information/:findingId/mask', 'holder', 'D  A   D   D   D   D   D   D   D   D   D', 'the item\'s drafter'),
  row('POST /api/items/:id/personal-information/:findingId/justify', 'roles', 'D  D   D   A   D   D   D   D   D   D   D', 'the department\'s 保密审查 reviewers'),
  row('POST /api/personal-information/sweeps',               'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisors'),
  row('GET /api/personal-information/sweeps/:id',            'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisors'),
  row('GET /api/personal-information/released-findings',     'roles',     'D  D   D   D   D   D   D   D   A   A   D', 'supervisors, the disclosure office'),

  // The review inbox: a task is its holder's (the stage's role in the item's department); nobody else decides it.
  row('GET /api/tasks',                                      'signed-in', 'D  S   A   S   S   S   S   S   S   S   S', 'staff: their own inbox (the 初审 task: its holder)'),
  row('GET /api/tasks/counts',                               'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: their own inbox'),
  row('POST /api/tasks/claims',                              'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder (per-task outcome)'),
  row('GET /api/tasks/:id',                                  'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('GET /api/tasks/:id/delegates',                        'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('POST /api/tasks/:id/claim',                           'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('POST /api/tasks/:id/unclaim',                         'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('POST /api/tasks/:id/delegate',                        'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('POST /api/tasks/:id/complete',                        'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the task\'s holder'),
  row('GET /api/notifications',                              'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: their own'),
  row('POST /api/notifications/:id/read',                    'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: their own'),

  // 回应关切 and 政务舆情.
  row('GET /api/concerns',                                   'own-dept',  'D  A   A   A   A   A   S   S   A   A   A', 'staff: their department\'s (oversight: all)'),
  row('GET /api/concerns/:id',                               'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/concerns/:id/triage',                       'holder',    'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('POST /api/concerns/:id/response',                     'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'a drafter of the assigned department'),
  row('POST /api/concerns/:id/review',                       'holder',    'D  D   D   D   D   A   D   D   D   D   D', 'the assigned department\'s leader'),
  row('POST /api/concerns/:id/extension',                    'holder',    'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('POST /api/concerns/:id/press-conference',             'holder',    'D  D   D   D   D   A   D   D   A   D   D', 'disclosure office, the department\'s leader'),

  // 意见征集 (public consultation): the portal without sign-in; the department's drafter opens and answers it.
  row('GET /api/public/consultations',                       'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('GET /api/public/consultations/:id',                   'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone'),
  row('POST /api/public/consultations/:id/comments',         'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, while open (rate-limited)'),
  row('GET /api/public/items/:id/consultation',              'public',    'N  N   N   N   N   N   N   N   N   N   N', 'nobody: a draft has no public consultation', ' (draft)'),
  row('POST /api/consultations',                             'roles',     'D  A   D   D   D   D   A   D   D   D   D', 'drafters, for their department'),
  row('GET /api/consultations',                              'own-dept',  'D  A   A   A   A   A   S   S   A   A   A', 'staff: their department\'s (oversight: all)'),
  row('GET /api/consultations/:id',                          'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/consultations/:id/comments/:commentId/moderation', 'holder', 'D  A   A   D   D   A   D   D   A   D   D', 'the department\'s drafter, head and leader; the disclosure office'),
  row('POST /api/consultations/:id/feedback',                'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'a drafter of the department'),
  row('POST /api/consultations/:id/decision',                'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'a drafter of the department'),

  // 多元化解读: the drafting department writes an item's interpretations and plan; the portal shows a released item's.
  row('GET /api/public/items/:id/interpretations',           'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone, a released item'),
  row('GET /api/items/:id/interpretations',                  'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the department, oversight'),
  row('POST /api/items/:id/interpretations',                 'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'a drafter of the item\'s department'),
  row('PUT /api/items/:id/interpretation-plan',              'holder',    'D  A   D   D   D   D   D   D   D   D   D', 'a drafter of the item\'s department'),

  // 定期公开.
  row('POST /api/obligations',                               'roles',     'D  D   D   D   D   D   D   D   A   D   A', 'admin, disclosure office'),
  row('GET /api/obligations',                                'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: their department\'s (oversight: all)'),
  row('DELETE /api/obligations/:id',                         'roles',     'D  D   D   D   D   D   D   D   A   D   A', 'admin, disclosure office'),
  row('GET /api/obligations/tasks',                          'roles',     'D  A   D   D   D   D   A   D   D   D   D', 'drafters: their department\'s'),
  row('POST /api/obligations/tasks/:id/fulfil',              'roles',     'D  A   D   D   D   D   A   D   D   D   D', 'drafters (the department: the workflow)'),
  row('GET /api/obligations/tasks/:id/candidates',           'roles',     'D  A   D   D   D   D   A   D   D   D   D', 'drafters (another department\'s task: 403)'),

  // 督查督办 and the audit trail.
  row('GET /api/supervision/overdue',                        'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/supervision/overdue.csv',                    'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/supervision/overdue.xlsx',                   'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/supervision/dashboard',                      'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/supervision/trend',                          'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/supervision/filters',                        'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('POST /api/supervision/items/:id/comments',            'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisor'),
  row('POST /api/supervision/demands',                       'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisor'),
  row('GET /api/supervision/demands',                        'own-dept',  'D  D   A   D   D   D   D   D   D   A   A', 'supervisor, admin; a department head: theirs'),
  row('GET /api/supervision/demands',                        'own-dept',  'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin: not another department\'s head', '?department=civil'),
  row('GET /api/supervision/demands/:id',                    'own-dept',  'D  D   A   D   D   D   D   D   D   A   A', 'supervisor, admin; the department\'s head'),
  row('POST /api/supervision/demands/:id/respond',           'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the head of the demand\'s department'),
  row('GET /api/audit',                                      'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),
  row('GET /api/audit/:scope/:key/verify',                   'roles',     'D  D   D   D   D   D   D   D   D   A   A', 'supervisor, admin'),

  // Reports.
  row('GET /api/reports/annual',                             'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'supervisor, admin, disclosure office'),
  row('GET /api/reports/annual.xlsx',                        'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'supervisor, admin, disclosure office'),
  row('GET /api/reports/annual.html',                        'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'supervisor, admin, disclosure office'),
  row('PUT /api/reports/annual/:year/inputs',                'roles',     'D  D   D   D   D   D   D   D   A   D   A', 'disclosure office, admin'),
  row('GET /api/reports/assessment',                         'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'supervisor, admin, disclosure office'),
  row('GET /api/reports/assessment.xlsx',                    'roles',     'D  D   D   D   D   D   D   D   A   A   A', 'supervisor, admin, disclosure office'),

  // 依申请公开: the public applies and follows with 查询号 + code; staff steps are decided by the workflow's validator.
  row('POST /api/public/applications',                       'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone (rate-limited per address)'),
  row('POST /api/public/applications/lookup',                'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone with the 查询号 and code'),
  row('POST /api/applications',                              'roles',     'D  D   D   D   D   D   D   D   A   D   D', 'disclosure office'),
  row('GET /api/applications',                               'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'staff: the office and oversight all, a department the ones it handles'),
  row('GET /api/applications/:id',                           'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'the handling department, the office, oversight'),
  row('GET /api/applications/export.xlsx',                    'signed-in', 'D  A   A   A   A   A   A   A   A   A   A', 'as the list: applicant data masked for whoever may not see it'),
  row('GET /api/applications/:id/reply.html',                'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'as the application; the name masked for whoever may not see it'),
  row('POST /api/applications/:id/steps',                    'holder',    'D  D   D   D   D   D   D   D   D   A   D', 'the step\'s holder (here: deciding an extension, the office head)'),
  // 督办 on an application: issued and closed by supervisors, answered by the head of the department it was issued to.
  row('POST /api/applications/:id/demands',                  'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisor'),
  row('GET /api/applications/:id/demands',                   'own-dept',  'D  A   A   A   A   A   D   D   A   A   A', 'as the application: the handling department, the office, oversight'),
  row('POST /api/applications/:id/demands/:demandId/answer', 'holder',    'D  D   A   D   D   D   D   D   D   D   D', 'the head of the department the demand was issued to (the office\'s disclosure staff when it is the office)'),
  row('POST /api/applications/:id/demands/:demandId/close',  'roles',     'D  D   D   D   D   D   D   D   D   A   D', 'supervisor'),
  row('GET /api/health/live',                                'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone (liveness)'),
  row('GET /api/health/ready',                               'public',    'A  A   A   A   A   A   A   A   A   A   A', 'anyone (readiness)'),
  row('GET /api/metrics',                                    'public',    'A  A   A   A   A   A   A   A   A   A   A', 'the scraper: METRICS_TOKEN when set; open in dev mode, off in OIDC mode without it'),
];

/** The row's key: its route and variant. */
export const rowKey = (row: MatrixRow): string => `${row.route}${row.variant ?? ''}`;

/** The matrix as a markdown table. */
export function matrixMarkdown(rows: readonly MatrixRow[] = PERMISSION_MATRIX): string {
  const mark: Record<Cell, string> = { A: '✓', D: '✗', N: '404', S: '○' };
  const header = `| route | access | ${PRINCIPAL_HEADERS.join(' | ')} | who |`;
  const rule = `|---|---|${PRINCIPAL_HEADERS.map(() => ':-:').join('|')}|---|`;
  const lines = rows.map((r) => `| \`${rowKey(r)}\` | ${r.access} | ${PRINCIPALS.map((p) => mark[r.cells[p]]).join(' | ')} | ${r.who} |`);
  return [header, rule, ...lines].join('\n');
}
