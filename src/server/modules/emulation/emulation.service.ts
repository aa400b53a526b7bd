import { createCampaignsService } from './campaigns.service.ts';
import type { EmulationDeps } from './emulation-deps.ts';
import { createEmulationExporter } from './emulation.export.ts';
import { createOwnerScope } from './emulation-scope.ts';
import { createRecordsService } from './records.service.ts';
import { createRegistrationsService } from './registrations.service.ts';
import { createScoringService } from './scoring.service.ts';

export type { EmulationDeps } from './emulation-deps.ts';
export { resolveFilesDir } from './emulation-deps.ts';
export type { TimelinessSource } from './timeliness-source.ts';
export { createReportsTimelinessSource } from './reports-timeliness-source.ts';

/** The emulation movement: campaigns, registrations, scoring and rankings, records, exports — wired by hand. */
export function createEmulationService(deps: EmulationDeps) {
  const owners = createOwnerScope(deps.scope, deps.provinceCode);
  const campaigns = createCampaignsService({ ...deps, owners });
  const registrations = createRegistrationsService({ ...deps, owners, campaigns });
  const scoring = createScoringService({ ...deps, owners, campaigns, registrations });
  const records = createRecordsService({ ...deps, owners });
  const exporter = createEmulationExporter({ campaigns, scoring });
  return { campaigns, registrations, scoring, records, exporter };
}
export type EmulationService = ReturnType<typeof createEmulationService>;
