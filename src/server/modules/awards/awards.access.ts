// Who may see and act on a nomination batch. A batch belongs to its proposer (a unit, or an organisation through a
// role assignment naming it) and is reviewed by its reviewer (the district that consolidates a commune's batch, the
// province that appraises, or the deciding unit or organisation itself for its own Giấy khen). At the province the
// board appraises (awards.appraise), the council votes (awards.council) and the province decides (awards.decide);
// below it the deciding level's officers act with awards.propose. Scope is read on the batch's units date.

import type { Principal } from '../../../domain/access/authorize.ts';
import { roleHasPermission, type Permission } from '../../../domain/access/roles.ts';
import { AppError } from '../../errors.ts';
import type { ScopeChecker } from '../units/units.service.ts';
import type { BatchRow } from './awards.repository.ts';

export const outOfScopeMessage = 'Hồ sơ khen thưởng này nằm ngoài phạm vi được phân quyền của bạn.';

export interface Party {
  unitCode: string | null;
  organisationId: string | null;
}

export function awardScope(deps: { scope: ScopeChecker; provinceCode: string }, principal: Principal) {
  const memo = new Map<string, Promise<boolean>>();

  function covers(permission: Permission, party: Party, date: string): Promise<boolean> {
    const key = `${permission}|${party.unitCode}|${party.organisationId}|${date}`;
    let found = memo.get(key);
    if (!found) {
      found = (async () => {
        if (party.organisationId && principal.assignments.some((a) => a.organisationId === party.organisationId && roleHasPermission(a.role, permission))) return true;
        return party.unitCode ? deps.scope.isUnitInScope(principal, permission, party.unitCode, date) : false;
      })();
      memo.set(key, found);
    }
    return found;
  }

  const proposer = (b: BatchRow): Party => ({ unitCode: b.proposerOrganisationId ? b.scopeUnitCode : b.proposerUnitCode, organisationId: b.proposerOrganisationId });
  const reviewer = (b: BatchRow): Party => ({ unitCode: b.reviewerUnitCode, organisationId: b.reviewerOrganisationId });
  const atProvince = (b: BatchRow) => b.reviewerUnitCode === deps.provinceCode && b.reviewerRole === 'appraises';
  const province: Party = { unitCode: deps.provinceCode, organisationId: null };

  const api = {
    covers,
    province: (permission: Permission, date: string) => covers(permission, province, date),
    async canRead(b: BatchRow): Promise<boolean> {
      return (await covers('awards.read', proposer(b), b.unitsDate)) || (await covers('awards.read', reviewer(b), b.unitsDate));
    },
    canEdit: (b: BatchRow) => covers('awards.propose', proposer(b), b.unitsDate),
    canReview: (b: BatchRow) => (atProvince(b) ? covers('awards.appraise', province, b.unitsDate) : covers('awards.propose', reviewer(b), b.unitsDate)),
    canCouncil: (b: BatchRow) => (atProvince(b) ? covers('awards.council', province, b.unitsDate) : covers('awards.propose', reviewer(b), b.unitsDate)),
    canDecide: (b: BatchRow) => (atProvince(b) ? covers('awards.decide', province, b.unitsDate) : covers('awards.propose', reviewer(b), b.unitsDate)),
    canPublish: (b: BatchRow) => covers('awards.appraise', province, b.unitsDate),
    async require(allowed: Promise<boolean>): Promise<void> {
      if (!(await allowed)) throw new AppError('auth.out_of_scope', outOfScopeMessage);
    },
  };
  return api;
}
export type AwardScope = ReturnType<typeof awardScope>;
