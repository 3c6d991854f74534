/** `npm run server`: opens the database (PGlite when no DATABASE_URL), migrates it, prints the setup secret once. */
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './database.js';
import { migrate } from './migrate.js';
import { ensureSetupSecret } from './setup-secret.js';

const config = readConfig();
const database = await openDatabase(config);
await migrate(database.connectionString);
const secret = await ensureSetupSecret(database.pool);
const app = await buildApp(database.pool, config);
const address = await app.listen({ host: config.host, port: config.port });

if (!config.quiet) console.log(`Cyberdiag mailbox on ${address} (${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
// Printed even when quiet: it is the only way into a new server.
if (secret !== null) console.log(`SETUP-SECRET ${secret} (one-time secret for the first account)`);
// For the test harness and the benchmark: the line they wait for.
console.log(`LISTENING ${address}`);

async function stop(): Promise<void> {
  await app.close();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
