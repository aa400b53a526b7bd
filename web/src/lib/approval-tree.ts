// The approval tree of a report request as the level above reads it: each report nested under the report that
// reviews it (a commune's under its district's), with how many of the reports below are approved — a report is
// approved only after its children's (DOMAIN.md §8).
import type { RequestDetailDto } from '../api/endpoints.ts';

export type ApprovalItem = RequestDetailDto['submissions'][number];
export type ApprovalNode = ApprovalItem & {
  children?: ApprovalNode[];
  below: { total: number; approved: number };
};

/** Reports nested under the report that reviews them; a report whose reviewer is not visible is a root. */
export function approvalTree(items: readonly ApprovalItem[]): ApprovalNode[] {
  const byId = new Map<string, ApprovalNode>(
    items.map((s) => [s.id, { ...s, below: { total: 0, approved: 0 } }]),
  );
  const roots: ApprovalNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentSubmissionId ? byId.get(node.parentSubmissionId) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    (parent.children ??= []).push(node);
    parent.below.total += 1;
    if (node.state === 'approved') parent.below.approved += 1;
  }
  return roots;
}

/** Every node, each before the nodes below it. */
export function flattenTree(nodes: readonly ApprovalNode[]): ApprovalNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children ?? [])]);
}

/** Keeps the reports waiting for approval and the reports above them, so the tree still reads from the top. */
export function onlyWaiting(nodes: readonly ApprovalNode[]): ApprovalNode[] {
  return nodes.flatMap((n) => {
    const children = onlyWaiting(n.children ?? []);
    if (n.state !== 'submitted' && children.length === 0) return [];
    return [{ ...n, children: children.length > 0 ? children : undefined }];
  });
}
