/**
 * Versioned SQL migrations (server/migrations/NNN_name.sql, "-- Up Migration" / "-- Down Migration") run by
 * node-pg-migrate through a `pg` client: the same files and the same tool on PostgreSQL and on PGlite.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

// server/migrations, from the source (server/src/, tests) or compiled (server/dist/server/src/).
export const MIGRATIONS_DIR = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../migrations' : '../migrations', import.meta.url));

/** Runs the migrations not yet applied, on a connection of their own (closed when done); their names. */
export async function migrate(connectionString: string): Promise<string[]> {
  const applied = await runner({
      databaseUrl: connectionString,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'pgmigrations',
      checkOrder: true,
      log: () => undefined,
    });
  return applied.map((migration) => migration.name);
}
