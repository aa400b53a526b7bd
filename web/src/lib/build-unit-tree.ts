import type { TreeNode } from '../api/endpoints.ts';

export interface UnitTreeItem {
  node: TreeNode;
  children: UnitTreeItem[];
}

export interface UnitTree {
  roots: UnitTreeItem[];
  /** Codes of the nodes to open at first: the context above the caller's scope and the scope's own top units. */
  initiallyOpen: string[];
  /** Codes of every node that has children in the list (opened all at once for a search result). */
  withChildren: string[];
}

/**
 * The API sends the tree on a date as a flat list (already in Vietnamese order); nest it by parentCode.
 * A node whose parent is not in the list is a root (the province, or the top of the caller's scope).
 */
export function buildUnitTree(nodes: readonly TreeNode[]): UnitTree {
  const items = new Map<string, UnitTreeItem>();
  for (const node of nodes) items.set(node.code, { node, children: [] });
  const roots: UnitTreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.node.parentCode ? items.get(item.node.parentCode) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  const initiallyOpen: string[] = [];
  const withChildren: string[] = [];
  for (const item of items.values()) {
    if (item.children.length === 0) continue;
    withChildren.push(item.node.code);
    const parent = item.node.parentCode ? items.get(item.node.parentCode) : undefined;
    const isScopeTop = item.node.inScope && (!parent || !parent.node.inScope);
    // Open the context chain and the top of the scope, not a whole province down to its thousands of villages.
    if (!item.node.inScope || isScopeTop) initiallyOpen.push(item.node.code);
  }
  return { roots, initiallyOpen, withChildren };
}
