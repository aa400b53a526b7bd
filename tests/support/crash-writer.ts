// Child process for the crash-safety test: starts a multi-row write in one transaction, says so on stdout,
// then waits to be killed with SIGKILL in the middle of it.
import { openDatabase, type DatabaseTarget } from '../../src/db/client.ts';
import { organisations } from '../../src/db/schema/index.ts';

const target = JSON.parse(process.argv[2]!) as DatabaseTarget;
const database = await openDatabase(target);
await database.migrate();
await database.db.transaction(async (tx) => {
  for (let batch = 0; batch < 20; batch += 1) {
    await tx.insert(organisations).values(
      Array.from({ length: 500 }, (_, i) => ({
        id: crypto.randomUUID(),
        provinceCode: '20',
        name: `Doanh nghiệp ${batch}-${i}`,
        type: 'enterprise' as const,
        unitCode: '20',
        validFrom: '2020-01-01',
        createdAt: new Date(),
      })),
    );
    if (batch === 10) {
      process.stdout.write('IN_TX\n');
      // Keep the transaction open; the parent kills this process now.
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  }
});
process.stdout.write('COMMITTED\n');
