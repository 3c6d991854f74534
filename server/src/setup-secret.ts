/**
 * The first account's door: while no account exists, each start makes a fresh one-time secret (replacing an unused
 * one) and returns it to be printed; only its hash is stored. Once an account exists, the door is shut.
 */
import type pg from 'pg';
import { newSetupSecret, sha256 } from './secrets.js';

export async function ensureSetupSecret(pool: pg.Pool): Promise<string | null> {
  const accounts = await pool.query(`SELECT 1 FROM account LIMIT 1`);
  if (accounts.rowCount !== 0) return null;
  const secret = newSetupSecret();
  await pool.query(
    `INSERT INTO setup_secret (id, secret_hash) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now(), used_at = NULL`,
    [sha256(secret)],
  );
  return secret;
}
