// Bulk approval for the level above (issue 6: "Bulk approval for the level above"): many subjects at once, each
// checked by the same rule as a single approval, with the results listed one by one. Children in the same batch are
// approved before their parent, so "approve the district and all its communes" works in one go; a child refused in
// the batch keeps its parent pending, and the parent's refusal names it.

import { applyApprovalAction, type ApprovalContext, type ApprovalState } from './approval-workflow.ts';

export interface BulkApprovalItem {
  readonly id: string;
  readonly state: ApprovalState;
  /** The context of a single approval; pendingChildren carry ids so that children in the batch can be counted. */
  readonly context: ApprovalContext;
}

export type BulkApprovalOutcome =
  | { readonly id: string; readonly ok: true }
  | { readonly id: string; readonly ok: false; readonly message: string };

export interface BulkApprovalPlan {
  /** One outcome per item, in the order given. */
  readonly outcomes: readonly BulkApprovalOutcome[];
  /** The ids to approve, children before parents: the order in which the caller must store the approvals. */
  readonly order: readonly string[];
}

export function planBulkApproval(items: readonly BulkApprovalItem[]): BulkApprovalPlan {
  const approved = new Set<string>();
  const order: string[] = [];
  const refused = new Map<string, string>();
  const seen = new Set<string>();
  const unique = items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
  const stillPending = (item: BulkApprovalItem) => item.context.pendingChildren.filter((c) => c.id === undefined || !approved.has(c.id));

  // Repeat until nothing more can be approved: each pass approves the items whose remaining children were approved
  // in an earlier pass. At most one pass per level of the hierarchy in practice.
  let progress = true;
  while (progress) {
    progress = false;
    for (const item of unique) {
      if (approved.has(item.id)) continue;
      const result = applyApprovalAction(item.state, { type: 'approve' }, { ...item.context, pendingChildren: stillPending(item) });
      if (result.ok) {
        approved.add(item.id);
        order.push(item.id);
        refused.delete(item.id);
        progress = true;
      } else {
        refused.set(item.id, result.message);
      }
    }
  }
  return {
    outcomes: unique.map((item) =>
      approved.has(item.id) ? { id: item.id, ok: true } : { id: item.id, ok: false, message: refused.get(item.id) ?? '' },
    ),
    order,
  };
}
