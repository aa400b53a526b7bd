// The browser tier loads the demo data once into a data directory that every journey copies (tests/support/browser.ts
// startDemoServer): the same fresh demo for each journey, without loading it six times.
import fs from 'node:fs';
import { createDemoTemplate } from './browser.ts';

const households = 4000;

export default async function setup(): Promise<() => void> {
  const dir = await createDemoTemplate(households);
  // Workers are started after the global setup and inherit its environment.
  process.env.CHUNG_TAY_DEMO_TEMPLATE_DIR = dir;
  process.env.CHUNG_TAY_DEMO_TEMPLATE_HOUSEHOLDS = String(households);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
