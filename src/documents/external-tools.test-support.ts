// External programs some document tests need (LibreOffice, poppler-utils). A missing program fails
// the test run with the command that installs it, unless the environment explicitly allows skipping:
// a silently skipped "opens in LibreOffice" test would prove nothing.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ExternalTool {
  readonly command: string;
  readonly path: string | null;
  /** True when the tool is missing and the environment variable allows going on without it. */
  readonly skipAllowed: boolean;
  /** The message to fail with when the tool is missing. */
  readonly missingMessage: string;
}

function findOnPath(command: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export function externalTool(command: string, debianPackages: string, allowEnv: string): ExternalTool {
  const path = findOnPath(command);
  return {
    command,
    path,
    skipAllowed: path === null && process.env[allowEnv] === '1',
    missingMessage:
      `Thiếu chương trình "${command}" cần cho kiểm thử văn bản. Cài đặt: ` +
      `sudo apt-get install -y --no-install-recommends ${debianPackages} ` +
      `(hoặc đặt ${allowEnv}=1 để bỏ qua các kiểm thử này).`,
  };
}

export const soffice = externalTool(
  'soffice',
  'libreoffice-writer-nogui fonts-liberation2',
  'CHUNG_TAY_ALLOW_NO_SOFFICE',
);
export const pdftotext = externalTool('pdftotext', 'poppler-utils', 'CHUNG_TAY_ALLOW_NO_POPPLER');
export const pdfinfo = externalTool('pdfinfo', 'poppler-utils', 'CHUNG_TAY_ALLOW_NO_POPPLER');
