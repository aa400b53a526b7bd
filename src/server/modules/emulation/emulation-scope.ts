import type { Principal } from '../../../domain/access/authorize.ts';
import { roleHasPermission, type Permission } from '../../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { ScopeChecker } from '../units/units.service.ts';

/** Whose record it is: a unit (with its descendants' officers), or an organisation (its focal points). */
export interface Owner {
  unitCode: string;
  organisationId: string | null;
}

/**
 * Scope over participants and their records. An organisation's focal point (a role assignment naming the organisation)
 * acts for that organisation only; a unit-scoped role acts for the units under it and for the organisations seated in
 * them (the province board for the provincial departments).
 */
export function createOwnerScope(scope: ScopeChecker, provinceCode: string) {
  return {
    async covers(principal: Principal, permission: Permission, owner: Owner, date: string): Promise<boolean> {
      if (owner.organisationId !== null && principal.assignments.some((a) => a.organisationId === owner.organisationId && roleHasPermission(a.role, permission))) {
        return true;
      }
      return scope.isUnitInScope(principal, permission, owner.unitCode, date);
    },

    async coversAny(principal: Principal, permissions: readonly Permission[], owner: Owner, date: string): Promise<boolean> {
      for (const p of permissions) if (await this.covers(principal, p, owner, date)) return true;
      return false;
    },

    async requireAny(principal: Principal, permissions: readonly Permission[], owner: Owner, date: string): Promise<void> {
      if (!(await this.coversAny(principal, permissions, owner, date))) {
        throw new AppError('auth.out_of_scope', 'Đối tượng này nằm ngoài phạm vi được phân quyền của bạn.');
      }
    },

    /** The whole province: the board, the council, province-wide readers. */
    async isProvince(principal: Principal, permission: Permission, date: string): Promise<boolean> {
      return scope.isUnitInScope(principal, permission, provinceCode, date);
    },

    async requireProvince(principal: Principal, permission: Permission, date: string): Promise<void> {
      await scope.requireUnit(principal, permission, provinceCode, date);
    },
  };
}
export type OwnerScope = ReturnType<typeof createOwnerScope>;
