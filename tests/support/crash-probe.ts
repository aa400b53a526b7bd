// Test support, loaded only by crash tests with `node --import tests/support/crash-probe.ts src/cli/main.ts serve`:
// it watches the SQL the real server sends inside transactions and, at the statement the test names, says so on
// stdout and holds the transaction open, so that the test's SIGKILL lands in the middle of the operation — after
// some of its rows were written, before its COMMIT — every time, not only when the timing happens to be right.
// Nothing in src/ knows about it: the server under test is the production code, unchanged.
//
// CHUNG_TAY_CRASH_PROBE = {"match": "<regex on the SQL text>", "hit": <n-th matching statement>, "holdMs": <ms>}
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

interface ProbeSpec {
  match: string;
  hit: number;
  holdMs: number;
}

const spec = JSON.parse(process.env.CHUNG_TAY_CRASH_PROBE ?? 'null') as ProbeSpec | null;

if (spec) {
  const pattern = new RegExp(spec.match, 'iu');
  let seen = 0;
  // Synchronous writes: the marker is in the pipe before the process can be killed.
  const say = (line: string) => fs.writeSync(1, `${line}\n`);

  /** After a statement has run: if it is the awaited one, announce it and keep its transaction open. */
  const afterStatement = async (text: string): Promise<void> => {
    if (!pattern.test(text)) return;
    seen += 1;
    say(`CRASH_PROBE_SEEN ${seen}`);
    if (seen !== spec.hit) return;
    say(`CRASH_PROBE_HELD ${text.replace(/\s+/gu, ' ').slice(0, 80)}`);
    await new Promise((resolve) => setTimeout(resolve, spec.holdMs));
    say('CRASH_PROBE_RELEASED');
  };
  const textOf = (query: unknown): string => (typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? ''));

  // PostgreSQL: transactions run on a pool client with promise-style queries (pool.query uses callbacks and is
  // outside any transaction, so it passes through untouched). COMMIT is announced so a test can tell it was reached.
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const pgQuery = clientProto.query;
  clientProto.query = function probedQuery(this: unknown, ...args: unknown[]) {
    const result = pgQuery.apply(this, args);
    if (typeof args[args.length - 1] === 'function' || !(result instanceof Promise)) return result;
    const text = textOf(args[0]);
    if (/^\s*commit\b/iu.test(text)) say('CRASH_PROBE_COMMIT');
    return result.then(async (value: unknown) => {
      await afterStatement(text);
      return value;
    });
  };

  // PGlite: wrap the transaction object its callback receives (drizzle's sessions and rawTransaction both query it).
  type Tx = { query: (...args: unknown[]) => Promise<unknown>; exec: (...args: unknown[]) => Promise<unknown> };
  let owner: object = PGlite.prototype;
  while (!Object.prototype.hasOwnProperty.call(owner, 'transaction')) owner = Object.getPrototypeOf(owner) as object;
  const ownerProto = owner as { transaction: (callback: (tx: Tx) => Promise<unknown>) => Promise<unknown> };
  const transaction = ownerProto.transaction;
  ownerProto.transaction = async function probedTransaction(this: unknown, callback: (tx: Tx) => Promise<unknown>) {
    const result = await transaction.call(this, (tx: Tx) => {
      const wrapped: Tx = Object.create(tx) as Tx;
      wrapped.query = async (...args: unknown[]) => {
        const value = await tx.query(...args);
        await afterStatement(textOf(args[0]));
        return value;
      };
      wrapped.exec = async (...args: unknown[]) => {
        const value = await tx.exec(...args);
        await afterStatement(textOf(args[0]));
        return value;
      };
      return callback(wrapped);
    });
    say('CRASH_PROBE_COMMIT');
    return result;
  };
  say(`CRASH_PROBE_ARMED ${spec.match} #${spec.hit}`);
}
