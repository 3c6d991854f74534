/**
 * Versioned SQL migrations (server/migrations/NNN_name.sql, "-- Up Migration" / "-- Down Migration") run by
 * node-pg-migrate through a `pg` client: the same files and the same tool on PostgreSQL and on PGlite.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

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
