import type { ApiClient, ApiResponse } from './api-client';

/** The people who decide the stages of an edu item, whichever chain is configured. */
export const EDU_DECIDERS: readonly string[] = ['edu.reviewer', 'edu.secrecy', 'edu.legal', 'edu.leader'];

export interface ReleaseOptions {
  /** Submits the draft first, as this user (expecting 200); left out, the item is already in review. */
  submitAs?: string;
  /** Who reads the item's state between stages (default edu.drafter). */
  readAs?: string;
  /** How long to wait for each next stage's task (default: the client's `eventually` default). */
  timeoutMs?: number;
}

/** The item's detail (GET /items/:id) once released. */
export type ReleasedItem = { readonly state: 'RELEASED' } & Record<string, unknown>;

/**
 * Takes an item through every review stage of its chain, through the API and the real workflow: at each
 * stage the next open task is found among `deciders` and approved by whoever holds it, until the workflow
 * has released the item. Which stages there are (合法性审查 or not) is the chain's business, not the caller's.
 */
export async function releaseThroughReview(client: ApiClient, itemId: string, deciders: readonly string[] = EDU_DECIDERS, options: ReleaseOptions = {}): Promise<ReleasedItem> {
  const readAs = options.readAs ?? 'edu.drafter';
  if (options.submitAs) expect((await client.request('POST', `/items/${itemId}/submit`, { as: options.submitAs })).status).toBe(200);
  // Every stage once, and once more to see the release.
  for (let stage = 0; stage <= deciders.length; stage++) {
    const next = await client.eventually(async () => {
      const item = await client.request('GET', `/items/${itemId}`, { as: readAs });
      if (item.body.state === 'RELEASED') return { released: true as const, item: item.body as ReleasedItem };
      for (const username of deciders) {
        const tasks = await client.request('GET', '/tasks?state=open', { as: username });
        const task = (tasks.body.items as { id: string; itemId: string }[]).find((candidate) => candidate.itemId === itemId);
        if (task) return { released: false as const, username, taskId: task.id };
      }
      return undefined;
    }, `the next review task of ${itemId}`, options.timeoutMs);
    if (next.released) return next.item;
    const approved = await client.request('POST', `/tasks/${next.taskId}/complete`, { as: next.username, body: { decision: 'approve', comment: '同意' } });
    expect(approved.status).toBe(200);
  }
  throw new Error(`item ${itemId} was not released`);
}

export interface UploadFile {
  readonly name: string;
  /** The media type the upload declares (the API checks it against the content). */
  readonly type: string;
  readonly content: Buffer;
}

/** POST /items/:id/attachments as `as`: a multipart form with every file as `files`, the way the web UI sends it. */
export async function uploadAttachments(client: ApiClient, as: string, itemId: string, files: readonly UploadFile[]): Promise<ApiResponse> {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const response = await fetch(`${client.baseUrl}/items/${itemId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await client.token(as)}` }, body: form });
  // Every answer of this endpoint, 201 or refusal, is JSON.
  return { status: response.status, body: await response.json(), headers: response.headers };
}
