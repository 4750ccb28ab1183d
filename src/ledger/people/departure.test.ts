import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFixture, refused, TODAY, type LedgerFixture } from '../../testing/ledger-fixture';
import { eventsOf } from '../events/event-store';
import { updatePost } from './departure';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const postEvents = (id: string) => eventsOf(f.db, 'person', id).filter((e) => e.type === 'post_changed');

describe('updatePost', () => {
  it('records a post change once and refuses saving the same values again', () => {
    const p = f.people.borrower;
    const input = { personId: p.id, occurredOn: TODAY, department: '综合处', post: '副处长', clearance: 'important', pledgeOn: null, onPostOn: null };
    expect(updatePost(f.ctx(), input)).toMatchObject({ post: '副处长' });
    expect(postEvents(p.id)).toHaveLength(1);
    const err = refused(() => updatePost(f.ctx(), input));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('李借阅 的岗位信息没有变化');
    expect(postEvents(p.id)).toHaveLength(1);
  });

  it('treats untrimmed or omitted fields equal to the stored ones as no change', () => {
    const p = f.people.borrower;
    expect(refused(() => updatePost(f.ctx(), { personId: p.id, occurredOn: TODAY, department: ' 综合处 ', post: '科员' })).code).toBe('VALIDATION');
    expect(refused(() => updatePost(f.ctx(), { personId: p.id, occurredOn: TODAY })).code).toBe('VALIDATION');
    expect(postEvents(p.id)).toEqual([]);
  });
});
