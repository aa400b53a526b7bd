import type { CliCommand } from '../cli-types.ts';
import { command as serve } from './serve.ts';
import { command as start } from './start.ts';
import { command as dbMigrate } from './db-migrate.ts';
import { command as userCreate } from './user-create.ts';
import { command as demo } from './demo.ts';
import { command as classify } from './classify.ts';
import { command as transitions } from './transitions.ts';
import { command as mpi } from './mpi.ts';
import { command as targets } from './targets.ts';
import { command as importCmd } from './import.ts';
import { command as backup } from './backup.ts';
import { command as restore } from './restore.ts';

export const commands: CliCommand[] = [start, serve, dbMigrate, userCreate, demo, classify, transitions, mpi, targets, importCmd, backup, restore];
