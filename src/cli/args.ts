import { parseArgs, type ParseArgsConfig } from 'node:util';

/** node:util parseArgs with Vietnamese errors; returns null and writes the reason when the arguments are wrong. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  stderr: NodeJS.WritableStream,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    stderr.write(`Tham số không hợp lệ: ${(error as Error).message}\n\n${usage}\n`);
    return null;
  }
}
