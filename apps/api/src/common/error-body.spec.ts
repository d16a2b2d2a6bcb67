import { requireCatalogAdmin } from '../catalog/catalog-access';
import { ApiError } from './api-error';
import { errorAnswerOf, statusErrorBody } from './error-body';
import { ERROR_CODES, GENERAL_CODE_OF_STATUS } from './error-codes';

describe('error answers', () => {
  it('give a feature code its status, its general kind and its Chinese title', () => {
    const { body } = errorAnswerOf(new ApiError('task.not-yours', 'task t is for the role leader in department edu'));
    expect(body).toMatchObject({ statusCode: 403, error: 'forbidden', code: 'task.not-yours', title: ERROR_CODES['task.not-yours'].message });
  });

  it('answer the rate limit 429 with Retry-After, like any other code', () => {
    expect(errorAnswerOf(new ApiError('public.rate-limited', 'too many submissions from this address; try again in 42 s', undefined, 42))).toMatchObject({ retryAfterSeconds: 42, body: { statusCode: 429, error: 'too-many-requests', code: 'public.rate-limited' } });
  });

  it('give an error that has only a status the general code of that status', () => {
    expect(statusErrorBody(403, 'no')).toMatchObject({ statusCode: 403, error: 'forbidden', code: 'forbidden', title: ERROR_CODES.forbidden.message });
    expect(statusErrorBody(405, 'no')).toMatchObject({ error: 'method-not-allowed', code: 'method-not-allowed' });
  });

  it('have a Chinese message for every code, and a general kind for every status a feature code uses', () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CODES)) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      if (code.includes('.')) expect(GENERAL_CODE_OF_STATUS[status]).toBeDefined();
    }
  });
});

describe('the catalog access decision', () => {
  it('is taken in the API: a non-admin is refused with catalog.admins-only', () => {
    const actor = (roles: ('drafter' | 'admin')[]) => ({ username: 'u', displayName: 'u', departmentCode: 'edu', roles });
    expect(() => requireCatalogAdmin(actor(['drafter']))).toThrow(expect.objectContaining({ code: 'catalog.admins-only' }));
    expect(() => requireCatalogAdmin(actor(['admin']))).not.toThrow();
  });
});
