// Every CLI command is a module in src/cli/commands exporting `command`.
// Commands receive their streams explicitly so that tests can drive them without spawning a process.

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  /** The words that select the command, e.g. "classify" or "db migrate". */
  name: string;
  /** One line in Vietnamese for `--help`. */
  summary: string;
  /** Usage text shown by `chung-tay <name> --help`. */
  usage: string;
  /** Returns the process exit status. */
  run(argv: string[], io: CliIo): Promise<number>;
}
