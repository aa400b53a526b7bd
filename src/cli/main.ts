import { commands } from './commands/index.ts';
import type { CliIo } from './cli-types.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Chung Tay — nền tảng phong trào thi đua "Chung tay vì người nghèo"',
    '',
    'Cách dùng: npx chung-tay <lệnh> [tuỳ chọn]',
    '',
    'Các lệnh:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Xem hướng dẫn một lệnh: npx chung-tay <lệnh> --help',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  // Longest match first so that "db migrate" wins over a hypothetical "db".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) {
      const rest = argv.slice(words.length);
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(`${command.summary}\n\n${command.usage}\n`);
        return 0;
      }
      return command.run(rest, io);
    }
  }
  io.stderr.write(`Lệnh không hợp lệ: ${argv.join(' ')}\n\n${helpText()}`);
  return 2;
}

/** Runs the CLI on this process's arguments and streams (called by bin/chung-tay.js and `node src/cli/main.ts`). */
export function main(): void {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      // Long-running commands (serve) keep the event loop alive themselves and never resolve here.
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
