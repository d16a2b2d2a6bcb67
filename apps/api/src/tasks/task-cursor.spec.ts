import { ApiError } from '../common/api-error';
import { uuidFromKey, readIdempotencyKey } from '../common/idempotency-key';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';

describe('task cursors', () => {
  it('round-trip', () => {
    const cursor = { dueAt: '2026-12-01T15:59:59.999Z', priority: 2, id: '028765dc-a3a0-474d-bae9-181f45c7fcf7' };
    expect(decodeTaskCursor(encodeTaskCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])('refuses %p with a 400 naming the cursor', (raw) => {
    expect(() => decodeTaskCursor(raw)).toThrow(ApiError);
    expect(() => decodeTaskCursor(raw)).toThrow(/^cursor:/);
  });
});

describe('idempotency keys', () => {
  it('derive the same UUID for the same scope and key, and different ones otherwise', () => {
    const id = uuidFromKey('item:edu.drafter', 'k1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromKey('item:edu.drafter', 'k1')).toBe(id);
    expect(uuidFromKey('item:civil.drafter', 'k1')).not.toBe(id);
  });

  it('accept visible ASCII only', () => {
    expect(readIdempotencyKey(undefined)).toBeUndefined();
    expect(readIdempotencyKey('abc-123')).toBe('abc-123');
    expect(() => readIdempotencyKey('有中文')).toThrow(/Idempotency-Key/);
    expect(() => readIdempotencyKey('x'.repeat(201))).toThrow(/Idempotency-Key/);
  });
});
