// Small caches of reference lists the forms share (units on a date, organisations, unit names), so opening
// several forms does not fetch the same lists again. A failed fetch is forgotten and tried again next time.
import { participantsApi, unitsApi, type OrganisationDto, type TreeResponse } from '../api/endpoints.ts';

const trees = new Map<string, Promise<TreeResponse>>();
let organisations: Promise<OrganisationDto[]> | null = null;
const unitNames = new Map<string, Promise<string>>();

function remember<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export function cachedTree(asOf: string): Promise<TreeResponse> {
  let found = trees.get(asOf);
  if (!found) {
    found = remember(unitsApi.tree(asOf), () => trees.delete(asOf));
    trees.set(asOf, found);
  }
  return found;
}

export function cachedOrganisations(): Promise<OrganisationDto[]> {
  organisations ??= remember(participantsApi.organisations({}), () => {
    organisations = null;
  });
  return organisations;
}

/** The unit's name (its last version when it no longer exists); the code itself when the unit cannot be read. */
export function cachedUnitName(code: string, asOf: string): Promise<string> {
  let found = unitNames.get(code);
  if (!found) {
    found = unitsApi.detail(code, asOf).then(
      (d) => d.unit.name,
      () => code,
    );
    unitNames.set(code, found);
  }
  return found;
}

/** Forget cached lists after a write that changes them. */
export function forgetReferenceData(): void {
  trees.clear();
  organisations = null;
  unitNames.clear();
}
