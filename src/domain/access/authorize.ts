import { roleHasPermission, type Permission, type Role } from './roles.ts';

export interface RoleAssignment {
  role: Role;
  unitCode: string | null;
  organisationId: string | null;
}

export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  assignments: readonly RoleAssignment[];
}

export type AccessTarget =
  | { kind: 'unit'; unitCode: string; date: string }
  | { kind: 'organisation'; organisationId: string; unitCode: string | null; date: string };

/** isWithin(code, ancestor, date): code is the ancestor itself or one of its descendants on that date. */
export type WithinFn = (code: string, ancestorCode: string, date: string) => boolean;

/** The role may act on the permission at all (route-level check). */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.assignments.some((a) => roleHasPermission(a.role, permission));
}

function assignmentCovers(a: RoleAssignment, target: AccessTarget, isWithin: WithinFn): boolean {
  switch (target.kind) {
    case 'unit':
      return a.unitCode !== null && isWithin(target.unitCode, a.unitCode, target.date);
    case 'organisation':
      if (a.organisationId !== null) return a.organisationId === target.organisationId;
      return a.unitCode !== null && target.unitCode !== null && isWithin(target.unitCode, a.unitCode, target.date);
  }
}

/** Some assignment grants the permission AND its scope covers the target (resource-level check). */
export function isAuthorized(
  principal: Principal,
  permission: Permission,
  target: AccessTarget,
  isWithin: WithinFn,
): boolean {
  return principal.assignments.some(
    (a) => roleHasPermission(a.role, permission) && assignmentCovers(a, target, isWithin),
  );
}

/** The unit codes at the top of the caller's scope for a permission (used to filter lists). */
export function scopeRoots(principal: Principal, permission: Permission): string[] {
  const roots = new Set<string>();
  for (const a of principal.assignments) {
    if (a.unitCode !== null && roleHasPermission(a.role, permission)) roots.add(a.unitCode);
  }
  return [...roots];
}
