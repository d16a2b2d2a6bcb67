import { ActivityFailure, type ApplicationFailure, allHandlersFinished, condition, log, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  concernRecordedUpdate,
  draftConcernResponseUpdate,
  extendConcernDeadlineUpdate,
  FailureType,
  publicConcernViewQuery,
  recalculateDeadlinesSignal,
  recordPressConferenceUpdate,
  reviewConcernResponseUpdate,
  triageConcernUpdate,
  type ActorRef,
  type ConcernDeadlineView,
  type PublicConcernInput,
  type PublicConcernView,
} from '@zwgk/contracts';
import {
  CONCERN_CLASSIFICATIONS,
  CONCERN_COMMENT_MAX_LENGTH,
  CONCERN_KIND_LABELS,
  CONCERN_RESPONSE_MAX_LENGTH,
  CONCERN_REVIEW_DECISIONS,
  CONCERN_STATE_LABELS,
  publicQuestionText,
  RESPONSE_MILESTONES,
  type ConcernClassification,
  type ConcernMilestone,
  type ConcernState,
  type Role,
} from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, printable, refusalOf } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

/** patched(): the calendar recalculation batch makes the concern recompute its unmet deadlines. */
const CALENDAR_RECALCULATION = 'concern-calendar-recalculation';

function invalid(field: string, message: string): ApplicationFailure {
  return failure(FailureType.InvalidInput, message, { fields: [field] });
}

/** Who an audit event names: a staff member in the role they acted in, the public, or the system. */
interface AuditActor {
  readonly actor: string;
  readonly actorRole?: string;
  readonly departmentCode?: string;
  readonly requestId?: string;
}

function staff(actor: ActorRef, role: Role): AuditActor {
  return { actor: actor.username, actorRole: role, departmentCode: actor.departmentCode, requestId: actor.requestId };
}

const SYSTEM: AuditActor = { actor: 'system' };

/** The roles in which staff register an incident, for the audit trail. */
const INCIDENT_REGISTRAR_ROLES: readonly Role[] = ['disclosure-office', 'supervisor', 'leader'];

/**
 * One public concern or 政务舆情 incident about a released item, a child of the item's workflow:
 * triage and assignment by the disclosure office, a draft by the assigned department, its leader's
 * review, and publication next to the item. Every step is an Update whose validator rejects a wrong
 * actor, a wrong state or a missing field before anything reaches history. Durable timers record each
 * deadline that passes unmet, and the concern keeps waiting for its response.
 */
export async function publicConcernWorkflow(input: PublicConcernInput): Promise<PublicConcernView> {
  const workflowId = workflowInfo().workflowId;
  let recorded = false;
  let state: ConcernState = 'AWAITING_TRIAGE';
  let revision = 1;
  let classification: ConcernClassification | undefined;
  let assignedDepartmentCode: string | undefined;
  let draft: string | undefined;
  let draftedBy: string | undefined;
  let returnComment: string | undefined;
  let deadlineExtended = false;
  let extensionReason: string | undefined;
  let pressConference: { heldAt: string; summary: string } | undefined;
  let publishedAt: string | undefined;
  let deadlines: ConcernDeadlineView[] = [];
  /** The soonest deadline neither met nor yet recorded overdue: the one the timer waits on. */
  const nextDeadline = () =>
    deadlines
      .filter((deadline) => !deadline.metAt && !deadline.overdueAt)
      .reduce<ConcernDeadlineView | undefined>((soonest, deadline) => (!soonest || Date.parse(deadline.dueAt) < Date.parse(soonest.dueAt) ? deadline : soonest), undefined);
  // Re-armed whenever a deadline moves or is met; restarted on the next deadline once one falls overdue.
  const due = new DueTime({
    dueAt: () => nextDeadline()?.dueAt,
    onDue: async () => {
      const next = nextDeadline()!;
      const at = now();
      deadlines = deadlines.map((deadline) => (deadline.milestone === next.milestone ? { ...deadline, overdueAt: at } : deadline));
      const after = view();
      await inOrder(async () => {
        await record(after, at);
        await audit(`overdue:${next.milestone}`, SYSTEM, 'concern.overdue', at, { detail: { milestone: next.milestone, dueAt: next.dueAt, why: next.explanation } });
      });
      due.restart();
    },
  });
  // Set when the concern itself cannot be registered (its content refused): the registration is refused.
  let receiptRefusal: ApplicationFailure | undefined;
  let receiptRefusalAnswered = false;
  // Counts accepted steps, so a refused step is undone only if no later step has moved on from it.
  let stepCount = 0;

  const view = (): PublicConcernView => ({
    concernId: input.concernId,
    itemId: input.itemId,
    kind: input.kind,
    state,
    receivedAt: input.receivedAt,
    revision,
    classification,
    assignedDepartmentCode,
    draft,
    draftedBy,
    returnComment,
    deadlines,
    deadlineExtended,
    extensionReason,
    pressConferenceHeldAt: pressConference?.heldAt,
    pressConferenceSummary: pressConference?.summary,
    publishedAt,
  });

  const now = () => new Date().toISOString();

  // Steps change the state at once (so the next validator already sees it), but their read-model writes
  // run one after another in the order the steps were accepted: an older view never overwrites a newer one.
  let writes: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work);
    writes = run.catch(() => undefined);
    return run;
  };
  const record = (snapshot: PublicConcernView, at: string) => activities.recordConcernProgress({ view: snapshot, at });
  const audit = (step: string, who: AuditActor, action: string, at: string, extra: { reason?: string; detail?: Record<string, unknown> } = {}) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${step}`,
      itemId: input.itemId,
      ...who,
      action,
      reason: extra.reason,
      occurredAt: at,
      detail: { concernId: input.concernId, kind: input.kind, ...extra.detail },
    });
  const meet = (milestones: readonly ConcernMilestone[], at: string) => {
    deadlines = deadlines.map((deadline) => (milestones.includes(deadline.milestone) && !deadline.metAt ? { ...deadline, metAt: at } : deadline));
    due.rearm();
  };
  const requireRecorded = () => {
    if (!recorded) throw failure(FailureType.Conflict, '关切正在登记中，请稍后再试');
  };
  const isAssignedLeader = (actor: ActorRef) => actor.roles.includes('leader') && actor.departmentCode === assignedDepartmentCode;

  setHandler(publicConcernViewQuery, view);

  setHandler(concernRecordedUpdate, async () => {
    await condition(() => recorded || receiptRefusal !== undefined);
    if (!recorded && receiptRefusal) {
      receiptRefusalAnswered = true;
      throw receiptRefusal;
    }
    return view();
  });

  /** What a step changes, so that a step whose writes are refused can be undone. */
  const snapshot = () => ({ state, revision, classification, assignedDepartmentCode, draft, draftedBy, returnComment, deadlineExtended, extensionReason, pressConference, publishedAt, deadlines });
  const restore = (before: ReturnType<typeof snapshot>) => {
    ({ state, revision, classification, assignedDepartmentCode, draft, draftedBy, returnComment, deadlineExtended, extensionReason, pressConference, publishedAt, deadlines } = before);
    due.rearm();
  };
  /**
   * Runs a step's writes after the step changed the state. When an activity refuses them for good (data the
   * database cannot store), the step is undone, unless a later step has already moved on from it, and its
   * request is refused with InvalidData; the refusal is audited and the supervisors are told.
   */
  const applyOrRefuse = async <T>(request: string, fields: string[], actor: ActorRef, before: ReturnType<typeof snapshot>, work: () => Promise<T>): Promise<T> => {
    const step = ++stepCount;
    try {
      return await inOrder(work);
    } catch (error) {
      const refusal = refusalOf(error, request, fields);
      if (!refusal) throw error;
      if (stepCount === step) restore(before);
      await reportRefusal(`refused:${step}`, actor, request, refusal);
      throw refusal;
    }
  };
  const reportRefusal = async (step: string, actor: ActorRef, request: string, refusal: ApplicationFailure) => {
    const at = now();
    try {
      await audit(step, { actor: printable(actor.username), departmentCode: printable(actor.departmentCode) }, 'request.refused', at, {
        reason: refusal.message,
        detail: { request, failureType: refusal.type, fields: (refusal.details?.[0] as { fields?: string[] } | undefined)?.fields ?? [] },
      });
      await activities.notify({
        key: `${workflowId}:${step}`,
        to: { role: 'supervisor', usernames: [printable(actor.username)] },
        kind: 'request-refused',
        title: `办理未生效：公众关切 ${input.concernId}`,
        body: `${printable(actor.displayName || actor.username)}的操作（${request}）未能生效，关切保持原状，可重新办理。${refusal.message}`,
        itemId: input.itemId,
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  };

  setHandler(triageConcernUpdate, async (request) => {
    const at = now();
    const before = snapshot();
    classification = request.classification;
    assignedDepartmentCode = request.assignDepartmentCode.trim();
    state = 'AWAITING_RESPONSE';
    const after = view();
    await applyOrRefuse('分办', ['assignDepartmentCode'], request.actor, before, async () => {
      await record(after, at);
      await audit('triaged', staff(request.actor, 'disclosure-office'), 'concern.triaged', at, { detail: { classification, assignedDepartmentCode } });
    });
    return after;
  }, {
    validator: (request) => {
      requireRecorded();
      if (state !== 'AWAITING_TRIAGE') throw failure(FailureType.Conflict, `关切当前为「${CONCERN_STATE_LABELS[state]}」，已经分办过`);
      if (!request.actor.roles.includes('disclosure-office')) throw failure(FailureType.Forbidden, '只有政务公开办才能分办关切');
      if (!(CONCERN_CLASSIFICATIONS as readonly string[]).includes(request.classification)) {
        throw invalid('classification', `分类（classification）须为 ${CONCERN_CLASSIFICATIONS.join('、')} 之一`);
      }
      if (!request.assignDepartmentCode?.trim()) throw invalid('assignDepartmentCode', '请选择承办部门（assignDepartmentCode）');
    },
  });

  setHandler(draftConcernResponseUpdate, async (request) => {
    const at = now();
    const before = snapshot();
    draft = request.draft.trim();
    draftedBy = request.actor.username;
    state = 'AWAITING_REVIEW';
    const after = view();
    await applyOrRefuse('答复草稿', ['draft'], request.actor, before, async () => {
      await record(after, at);
      await audit(`drafted:r${after.revision}`, staff(request.actor, 'drafter'), 'concern.response-drafted', at, { detail: { revision: after.revision } });
    });
    return after;
  }, {
    validator: (request) => {
      requireRecorded();
      if (state === 'AWAITING_TRIAGE') throw failure(FailureType.Conflict, '关切尚未分办');
      if (state !== 'AWAITING_RESPONSE') throw failure(FailureType.Conflict, `关切当前为「${CONCERN_STATE_LABELS[state]}」，答复已经起草`);
      if (!request.actor.roles.includes('drafter') || request.actor.departmentCode !== assignedDepartmentCode) {
        throw failure(FailureType.Forbidden, `只有承办部门 ${assignedDepartmentCode} 的起草人才能起草答复`);
      }
      const text = request.draft?.trim();
      if (!text) throw invalid('draft', '请填写答复内容（draft）');
      if (text.length > CONCERN_RESPONSE_MAX_LENGTH) throw invalid('draft', `答复内容（draft）不能超过 ${CONCERN_RESPONSE_MAX_LENGTH} 个字`);
    },
  });

  setHandler(reviewConcernResponseUpdate, async (request) => {
    const at = now();
    const reviewer = staff(request.actor, 'leader');
    const reviewed = revision;
    const before = snapshot();
    if (request.decision === 'return') {
      returnComment = request.comment!.trim();
      revision++;
      state = 'AWAITING_RESPONSE';
      const after = view();
      await applyOrRefuse('答复审核', ['comment'], request.actor, before, async () => {
        await record(after, at);
        await audit(`reviewed:r${reviewed}`, reviewer, 'concern.response-returned', at, { reason: returnComment, detail: { revision: reviewed } });
      });
      return after;
    }
    // Approval publishes: APPROVED keeps a second decision out until the publication is written.
    state = 'APPROVED';
    const response = draft!;
    const departmentCode = assignedDepartmentCode!;
    return applyOrRefuse('答复审核', ['comment'], request.actor, before, async () => {
      await audit(`reviewed:r${reviewed}`, reviewer, 'concern.response-approved', at, { reason: request.comment?.trim() || undefined, detail: { revision: reviewed } });
      const publication = await activities.publishConcernResponse({
        concernId: input.concernId,
        itemId: input.itemId,
        // A message is published with its question; an incident's summary is an internal note.
        question: input.kind === 'message' ? publicQuestionText(input.content, input.contact) : null,
        response,
        departmentCode,
        approvedBy: request.actor.username,
        at,
      });
      publishedAt = publication.publishedAt;
      state = 'PUBLISHED';
      meet(RESPONSE_MILESTONES, publication.publishedAt);
      const after = view();
      await record(after, publication.publishedAt);
      await audit('published', SYSTEM, 'concern.response-published', publication.publishedAt, {
        detail: { revision: reviewed, departmentCode, reference: `/api/public/items/${input.itemId}` },
      });
      return after;
    });
  }, {
    validator: (request) => {
      requireRecorded();
      if (state !== 'AWAITING_REVIEW') {
        throw failure(FailureType.Conflict, state === 'APPROVED' || state === 'PUBLISHED' ? '答复已经审核通过' : `关切当前为「${CONCERN_STATE_LABELS[state]}」，没有待审核的答复`);
      }
      if (!isAssignedLeader(request.actor)) throw failure(FailureType.Forbidden, `只有承办部门 ${assignedDepartmentCode} 的领导才能审核答复`);
      if (request.actor.username === draftedBy) throw failure(FailureType.Forbidden, '答复的起草人不能审核自己起草的答复');
      if (!(CONCERN_REVIEW_DECISIONS as readonly string[]).includes(request.decision)) throw invalid('decision', '审核结论（decision）须为 approve（同意）或 return（退回修改）');
      if (request.decision === 'return' && !request.comment?.trim()) throw invalid('comment', '退回修改须填写审核意见（comment）');
      if ((request.comment?.length ?? 0) > CONCERN_COMMENT_MAX_LENGTH) throw invalid('comment', `审核意见（comment）不能超过 ${CONCERN_COMMENT_MAX_LENGTH} 个字`);
    },
  });

  setHandler(extendConcernDeadlineUpdate, async (request) => {
    const at = now();
    const before = snapshot();
    deadlineExtended = true;
    extensionReason = request.reason.trim();
    return applyOrRefuse('延期', ['reason'], request.actor, before, async () => {
      const [extended] = await activities.computeConcernDeadlines({ kind: input.kind, receivedAt: input.receivedAt, extended: true });
      const previous = deadlines.find((deadline) => deadline.milestone === extended.milestone);
      deadlines = deadlines.map((deadline) => (deadline.milestone === extended.milestone ? { ...deadline, ...extended } : deadline));
      due.rearm(); // the timer waits on the new due time
      const after = view();
      await record(after, at);
      await audit('deadline-extended', staff(request.actor, 'disclosure-office'), 'concern.deadline-extended', at, {
        reason: extensionReason,
        detail: { milestone: extended.milestone, from: previous?.dueAt, to: extended.dueAt, why: extended.explanation },
      });
      return after;
    });
  }, {
    validator: (request) => {
      requireRecorded();
      if (input.kind !== 'message') throw failure(FailureType.Conflict, `${CONCERN_KIND_LABELS[input.kind]}的答复时限不能延长`);
      if (deadlineExtended) throw failure(FailureType.Conflict, '答复时限已经延长过一次');
      if (state === 'APPROVED' || state === 'PUBLISHED') throw failure(FailureType.Conflict, '答复已经审核通过');
      const response = deadlines.find((deadline) => deadline.milestone === 'response');
      if (!response || response.overdueAt || Date.parse(response.dueAt) <= Date.now()) {
        throw failure(FailureType.Conflict, '答复时限已过，只能延长尚未届满的时限');
      }
      if (!request.actor.roles.includes('disclosure-office')) throw failure(FailureType.Forbidden, '只有政务公开办才能延长答复时限');
      if (!request.reason?.trim()) throw invalid('reason', '请填写延期理由（reason）');
      if (request.reason.length > CONCERN_COMMENT_MAX_LENGTH) throw invalid('reason', `延期理由（reason）不能超过 ${CONCERN_COMMENT_MAX_LENGTH} 个字`);
    },
  });

  // From the calendar recalculation batch (an official year loaded or corrected): every deadline not yet
  // met is computed again from the receipt, extended if it was; a met one is history and stays as it was.
  let recalculations = 0;
  setHandler(recalculateDeadlinesSignal, async (request) => {
    if (!recorded || !patched(CALENDAR_RECALCULATION)) return;
    const recalculation = ++recalculations;
    try {
      await inOrder(async () => {
        const computed = await activities.computeConcernDeadlines({ kind: input.kind, receivedAt: input.receivedAt, extended: deadlineExtended || undefined });
        const at = now();
        const moved: { milestone: ConcernMilestone; from: string; to: string }[] = [];
        deadlines = deadlines.map((deadline) => {
          const next = computed.find((candidate) => candidate.milestone === deadline.milestone);
          if (!next || deadline.metAt || next.dueAt === deadline.dueAt) return next && !deadline.metAt ? { ...deadline, ...next } : deadline;
          moved.push({ milestone: deadline.milestone, from: deadline.dueAt, to: next.dueAt });
          // A deadline moved past now is running again: its overdue mark belonged to the old instant.
          const stillOverdue = deadline.overdueAt !== undefined && Date.parse(next.dueAt) <= Date.parse(at);
          return { ...deadline, ...next, overdueAt: stillOverdue ? deadline.overdueAt : undefined };
        });
        due.rearm();
        await record(view(), at);
        await audit(`deadlines-recalculated:${recalculation}`, { actor: request.actor.username, departmentCode: request.actor.departmentCode, requestId: request.actor.requestId }, 'concern.deadline-recalculated', at, {
          reason: request.reason,
          detail: { moved },
        });
      });
    } catch (error) {
      // A signal has no caller to answer: the old deadlines stay in force, and a later load can try again.
      log.warn('concern deadline recalculation refused', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  setHandler(recordPressConferenceUpdate, async (request) => {
    const at = now();
    const before = snapshot();
    pressConference = { heldAt: at, summary: request.summary.trim() };
    meet(['press-conference'], at);
    const after = view();
    const role: Role = request.actor.roles.includes('disclosure-office') ? 'disclosure-office' : 'leader';
    await applyOrRefuse('新闻发布会', ['summary'], request.actor, before, async () => {
      await record(after, at);
      await audit('press-conference', staff(request.actor, role), 'concern.press-conference-held', at, { reason: pressConference?.summary });
    });
    return after;
  }, {
    validator: (request) => {
      requireRecorded();
      if (input.kind !== 'major-emergency') throw failure(FailureType.Conflict, '只有重大突发事件舆情才需召开新闻发布会');
      if (pressConference) throw failure(FailureType.Conflict, '新闻发布会已经登记');
      const leader = request.actor.roles.includes('leader') && (request.actor.departmentCode === input.itemDepartmentCode || request.actor.departmentCode === assignedDepartmentCode);
      if (!request.actor.roles.includes('disclosure-office') && !leader) {
        throw failure(FailureType.Forbidden, '只有政务公开办或相关部门的领导才能登记新闻发布会');
      }
      if (!request.summary?.trim()) throw invalid('summary', '请填写发布会摘要（summary）');
      if (request.summary.length > CONCERN_COMMENT_MAX_LENGTH) throw invalid('summary', `发布会摘要（summary）不能超过 ${CONCERN_COMMENT_MAX_LENGTH} 个字`);
    },
  });

  // 1. Receipt: the deadlines under the policy in force, then the read model and the audit trail. A concern
  // whose content or time cannot be stored is refused, and the workflow ends failed with that refusal.
  try {
    deadlines = await activities.computeConcernDeadlines({ kind: input.kind, receivedAt: input.receivedAt });
  } catch (error) {
    throw await refuseReceipt(error, ['receivedAt']);
  }
  await inOrder(async () => {
    await activities.recordConcernReceived({ input, view: view() });
    const registrar = input.registeredBy;
    const who: AuditActor = registrar
      ? staff(registrar, INCIDENT_REGISTRAR_ROLES.find((role) => registrar.roles.includes(role)) ?? 'disclosure-office')
      : { actor: 'public', requestId: input.requestId };
    await audit('received', who, input.registeredBy ? 'incident.registered' : 'concern.received', input.receivedAt, {
      detail: { deadlines: deadlines.map((deadline) => ({ milestone: deadline.milestone, dueAt: deadline.dueAt, why: deadline.explanation })) },
    });
  }).catch(async (error: unknown) => {
    throw await refuseReceipt(error, ['content', 'contact']);
  });
  recorded = true;

  // 2. Wait for the response, recording each deadline that passes unmet; a late response is still awaited.
  const finished = () => state === 'PUBLISHED' && deadlines.every((deadline) => deadline.metAt !== undefined);
  await due.waitUntil(finished);

  await condition(allHandlersFinished);
  return view();

  async function refuseReceipt(error: unknown, fields: string[]): Promise<unknown> {
    const refusal = refusalOf(error, '公众关切', fields);
    if (!refusal) return error;
    receiptRefusal = refusal;
    // The API asks whether the concern is recorded just after starting it: stay a while to answer that.
    await condition(() => receiptRefusalAnswered, '1 minute');
    await condition(allHandlersFinished);
    return refusal;
  }
}
