// Who may see and act on a report. A submission belongs to its recipient (a unit, or an organisation through a role
// assignment naming it) and is reviewed by its reviewer unit (the parent unit, or the issuing province). Scope is
// checked on the request's date of issue, the date its recipients and their hierarchy were taken from.

import { isAuthorized, type Principal } from '../../../domain/access/authorize.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { Executor } from '../../../db/client.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';

export interface Recipient {
  unitCode: string | null;
  organisationId: string | null;
  reviewerUnitCode: string;
}

export const outOfScopeMessage = 'Báo cáo này nằm ngoài phạm vi được phân quyền của bạn.';

/** Scope checks for one caller, memoised for the length of one service call (lists check hundreds of recipients). */
export function reportScope(deps: { db: Executor; catalog: UnitsCatalog; scope: ScopeChecker }, principal: Principal) {
  const units = new Map<string, Promise<boolean>>();
  const orgs = new Map<string, Promise<boolean>>();

  function unitAllowed(permission: Permission, code: string, date: string): Promise<boolean> {
    const key = `${permission}|${code}|${date}`;
    let found = units.get(key);
    if (!found) {
      found = deps.scope.isUnitInScope(principal, permission, code, date);
      units.set(key, found);
    }
    return found;
  }

  async function checkOrganisation(permission: Permission, id: string, date: string): Promise<boolean> {
    const org = await participantsRepo.findOrganisation(deps.db, id);
    if (!org) return false;
    const dir = await deps.catalog.directory();
    return isAuthorized(principal, permission, { kind: 'organisation', organisationId: id, unitCode: org.unitCode, date }, (c, a, d) => dir.isWithinOn(c, a, d));
  }

  function organisationAllowed(permission: Permission, id: string, date: string): Promise<boolean> {
    const key = `${permission}|${id}`;
    let found = orgs.get(key);
    if (!found) {
      found = checkOrganisation(permission, id, date);
      orgs.set(key, found);
    }
    return found;
  }

  const api = {
    unitAllowed,
    /** The caller acts for the recipient itself (its own unit or organisation, or a unit above it). */
    recipient(permission: Permission, r: Recipient, date: string): Promise<boolean> {
      if (r.organisationId) return organisationAllowed(permission, r.organisationId, date);
      return r.unitCode ? unitAllowed(permission, r.unitCode, date) : Promise.resolve(false);
    },
    /** The caller reviews the recipient: reports.approve on the reviewer unit. */
    reviewer(r: Recipient, date: string): Promise<boolean> {
      return unitAllowed('reports.approve', r.reviewerUnitCode, date);
    },
    async requireRecipient(permission: Permission, r: Recipient, date: string): Promise<void> {
      if (!(await api.recipient(permission, r, date))) throw new AppError('auth.out_of_scope', outOfScopeMessage);
    },
    async requireReviewer(r: Recipient, date: string): Promise<void> {
      if (!(await api.reviewer(r, date))) throw new AppError('auth.out_of_scope', outOfScopeMessage);
    },
  };
  return api;
}
export type ReportScope = ReturnType<typeof reportScope>;
