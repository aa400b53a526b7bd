import { describe, expect, it } from 'vitest';
import type { ApprovalContext } from './approval-workflow.ts';
import { planBulkApproval, type BulkApprovalItem } from './bulk-approval.ts';

const ctx = (label: string, pending: { id: string; label: string }[] = []): ApprovalContext => ({
  actorLevel: 'above',
  subjectLabel: `báo cáo của ${label}`,
  pendingChildren: pending,
  childNoun: 'xã',
});

const communeA: BulkApprovalItem = { id: 'a', state: 'submitted', context: ctx('Xã Tú Đoạn') };
const communeB: BulkApprovalItem = { id: 'b', state: 'submitted', context: ctx('Xã Khuất Xá') };
const communeDraft: BulkApprovalItem = { id: 'c', state: 'draft', context: ctx('Xã Tam Gia') };
const district = (pending: { id: string; label: string }[]): BulkApprovalItem => ({
  id: 'd',
  state: 'submitted',
  context: ctx('Huyện Lộc Bình', pending),
});

describe('bulk approval', () => {
  it('approves every item that passes and lists the refusals', () => {
    const plan = planBulkApproval([communeA, communeDraft, communeB]);
    expect(plan.outcomes).toEqual([
      { id: 'a', ok: true },
      { id: 'c', ok: false, message: expect.stringMatching(/Không thể phê duyệt báo cáo của Xã Tam Gia khi đang ở trạng thái "Đang soạn"/u) },
      { id: 'b', ok: true },
    ]);
    expect(plan.order).toEqual(['a', 'b']);
  });

  it('approves children in the batch before their parent, whatever the order given', () => {
    const plan = planBulkApproval([district([{ id: 'a', label: 'Xã Tú Đoạn' }, { id: 'b', label: 'Xã Khuất Xá' }]), communeA, communeB]);
    expect(plan.outcomes.every((o) => o.ok)).toBe(true);
    expect(plan.order).toEqual(['a', 'b', 'd']);
  });

  it('keeps the parent pending when a child in the batch is refused, naming only that child', () => {
    const plan = planBulkApproval([communeA, communeDraft, district([{ id: 'a', label: 'Xã Tú Đoạn' }, { id: 'c', label: 'Xã Tam Gia' }])]);
    const parent = plan.outcomes.find((o) => o.id === 'd');
    expect(parent).toEqual({ id: 'd', ok: false, message: 'Chưa thể phê duyệt báo cáo của Huyện Lộc Bình: còn 1 xã chưa được phê duyệt: Xã Tam Gia.' });
    expect(plan.order).toEqual(['a']);
  });

  it('refuses the parent when a pending child is not in the batch at all', () => {
    const plan = planBulkApproval([district([{ id: 'z', label: 'Xã Lợi Bác' }])]);
    expect(plan.outcomes).toEqual([{ id: 'd', ok: false, message: expect.stringMatching(/còn 1 xã chưa được phê duyệt: Xã Lợi Bác/u) }]);
    expect(plan.order).toEqual([]);
  });

  it('treats an id given twice as one item', () => {
    const plan = planBulkApproval([communeA, communeA]);
    expect(plan.outcomes).toEqual([{ id: 'a', ok: true }]);
    expect(plan.order).toEqual(['a']);
  });

  it('approves nothing from an empty batch', () => {
    expect(planBulkApproval([])).toEqual({ outcomes: [], order: [] });
  });
});
