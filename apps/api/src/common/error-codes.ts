/**
 * The API's error codes: stable names a client may branch on (the web app reads `code`, never `message`),
 * each with its HTTP status and a short Chinese description. The general codes come first; a feature adds
 * its own `<feature>.<what>` code when a client must tell that case apart from the general one. Renaming a
 * code breaks clients: add a new one instead.
 */
export const ERROR_CODES = {
  // General
  'invalid-input': { status: 400, message: '请求内容有误，请按提示修改' },
  unauthenticated: { status: 401, message: '请先登录' },
  forbidden: { status: 403, message: '无权进行此操作' },
  'not-found': { status: 404, message: '所请求的内容不存在' },
  conflict: { status: 409, message: '与当前状态冲突，请刷新后重试' },
  'method-not-allowed': { status: 405, message: '不支持该请求方式' },
  'payload-too-large': { status: 413, message: '提交的内容过大' },
  'unsupported-media-type': { status: 415, message: '不支持的文件类型' },
  unprocessable: { status: 422, message: '无法处理该内容' },
  'too-many-requests': { status: 429, message: '请求过于频繁，请稍后再试' },
  /** Not a refusal: something failed inside the system (logged with the request id). */
  internal: { status: 500, message: '系统内部错误，请稍后重试；如仍失败，请联系管理员并提供请求编号' },
  unavailable: { status: 503, message: '服务暂时不可用，请稍后重试' },
  /** A workflow did not answer in time; the request may still take effect. */
  'still-processing': { status: 503, message: '请求仍在处理中，请稍后重试（重复提交不会重复办理）' },

  // Public submissions (questions, ratings): per client address and window, with Retry-After.
  'public.rate-limited': { status: 429, message: '提交过于频繁，请稍后再试' },

  // Tasks
  'task.not-yours': { status: 403, message: '该任务不属于您的岗位或部门' },
  'task.claimed-by-other': { status: 409, message: '该任务已由他人认领' },

  // Applications for disclosure (依申请公开): a wrong 查询号 or code reads as one case, never telling which.
  'application.lookup-failed': { status: 404, message: '查询号或验证码不正确' },
  // 督办 on an application: one open demand at a time; closed only once answered.
  'application-demand.already-open': { status: 409, message: '该申请已有未办结的督办' },
  'application-demand.not-answered': { status: 409, message: '督办尚未答复，不能办结' },
  // Personal-information guard
  'personal-information.unresolved': { status: 409, message: '尚有个人信息未脱敏，也未记录公开依据，不能通过' },
  // 三同步: the interpretation plan is complete before 签发
  'interpretation.plan-incomplete': { status: 409, message: '解读方案尚未完成，不能签发' },

  // Release ledger (发布台账): retrying a failed channel, confirming a manual one
  'ledger.channel-unknown': { status: 404, message: '该事项没有这个发布渠道' },
  'ledger.nothing-to-retry': { status: 409, message: '该渠道尚无发布记录，无需重试' },
  'ledger.not-failed': { status: 409, message: '该渠道最近一次发布未失败，无需重试' },
  'ledger.nothing-to-confirm': { status: 409, message: '该渠道尚无需要确认的张贴或撤下记录' },
  'ledger.not-manual': { status: 409, message: '该渠道由系统自动发布，无需人工确认' },
  'ledger.already-confirmed': { status: 409, message: '该渠道已确认过，无需重复确认' },

  // Catalog
  'catalog.admins-only': { status: 403, message: '仅系统管理员可导入、编辑和启用公开事项目录' },
  /** Only a department the catalog row names as responsible (责任部门) drafts items under it. */
  'catalog.row-not-owned': { status: 403, message: '该目录事项由其他部门负责，本部门不能在其下起草' },
  'catalog.row-unassigned': { status: 422, message: '该目录事项尚未指定责任部门，请联系管理员' },

  // Public consultation (意见征集)
  'consultation.period-too-short': { status: 400, message: '征求意见期限短于规定的最短期限，确需缩短的请说明理由' },
  'consultation.closed': { status: 409, message: '该意见征集已截止，不再接收意见' },
  'consultation.feedback-incomplete': { status: 400, message: '采纳情况须答复每一条已公开的意见，未采纳的须说明理由' },

  // Annual report: each bad cell is named in `fields`, with its own code (see ANNUAL_REPORT_PROBLEM_MESSAGES).
  'annual-report.invalid-inputs': { status: 400, message: '年度报告填报内容未通过校验' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ApiErrorCode = keyof typeof ERROR_CODES;

/** The general code of each status, for errors that carry only a status (Nest's own, the body parser's). */
export const GENERAL_CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
};
