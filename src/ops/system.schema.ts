import { z } from 'zod';

// Boundary of the system (operations) routes. Lives beside them in src/ops until the lead moves it to
// src/shared/schemas/system.schema.ts (the web client has no use for it yet).

export const backupRequestBody = z
  .object({
    /** why the backup is taken, kept in the audit log ("trước khi nâng cấp lên 0.2.0") */
    note: z.string().trim().max(500).optional(),
  })
  .strict();
