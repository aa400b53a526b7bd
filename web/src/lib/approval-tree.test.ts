import { describe, expect, it } from 'vitest';
import type { ApprovalState } from '../../../src/domain/approval/approval-workflow.ts';
import { approvalTree, flattenTree, onlyWaiting, type ApprovalItem } from './approval-tree.ts';

function item(id: string, parent: string | null, state: ApprovalState): ApprovalItem {
  return {
    id,
    parentSubmissionId: parent,
    state,
    recipientName: id,
    changedSinceApproval: false,
  } as ApprovalItem;
}

// Huyện Lộc Bình with two communes (one approved, one waiting), Huyện Cao Lộc alone, and a commune whose district
// report the caller cannot see (a root of its own).
const items = [
  item('loc-binh', null, 'submitted'),
  item('xa-a', 'loc-binh', 'approved'),
  item('xa-b', 'loc-binh', 'submitted'),
  item('cao-loc', null, 'draft'),
  item('xa-c', 'khong-thay', 'returned'),
];

describe('the approval tree of a request', () => {
  it('nests each report under the report that reviews it, counting the approved ones below', () => {
    const roots = approvalTree(items);
    expect(roots.map((r) => r.id)).toEqual(['loc-binh', 'cao-loc', 'xa-c']);
    const locBinh = roots[0]!;
    expect(locBinh.children?.map((c) => c.id)).toEqual(['xa-a', 'xa-b']);
    expect(locBinh.below).toEqual({ total: 2, approved: 1 });
    expect(roots[1]!.below).toEqual({ total: 0, approved: 0 });
    expect(flattenTree(roots).map((n) => n.id)).toEqual(['loc-binh', 'xa-a', 'xa-b', 'cao-loc', 'xa-c']);
  });

  it('keeps only the waiting reports and the reports above them', () => {
    const waiting = onlyWaiting(approvalTree(items));
    expect(flattenTree(waiting).map((n) => n.id)).toEqual(['loc-binh', 'xa-b']);
    expect(onlyWaiting(approvalTree([item('x', null, 'approved'), item('y', 'x', 'draft')]))).toEqual([]);
  });
});
