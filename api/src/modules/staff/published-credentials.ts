import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyPassword } from './password';
import { StaffAccount } from './staff-account.entity';

/**
 * The staff sign-ins the README and the development banner publish: outside production,
 * `npm start` creates these accounts (seeds/api/staff.ts). Production never creates them and
 * knows only this much of them: enough to refuse to run while one still signs in this way.
 */
export const PUBLISHED_STAFF_PASSWORD = 'Star-Staff-2024';
export const PUBLISHED_STAFF_EMAILS = [
  'city@example.com',
  'hongta@example.com',
  'chengjiang@example.com',
  'gaocang@example.com',
  'gaolongtan@example.com',
  'evaluator@example.com',
] as const;

/**
 * The published accounts that still sign in with the published password: a database first
 * created in development keeps them, and production must not run with them.
 */
export async function liveDevelopmentStaff(em: EntityManager): Promise<string[]> {
  const accounts = await em.find(StaffAccount, { email: { $in: [...PUBLISHED_STAFF_EMAILS] }, disabledAt: null }, { populate: ['passwordHash'], orderBy: { email: 'asc' } });
  const live: string[] = [];
  for (const account of accounts) {
    if (await verifyPassword(PUBLISHED_STAFF_PASSWORD, account.passwordHash)) live.push(account.email);
  }
  return live;
}

/** Production start-up stops here while any published account still has its published password. */
export async function refuseDevelopmentStaff(em: EntityManager): Promise<void> {
  const live = await liveDevelopmentStaff(em);
  if (live.length === 0) return;
  throw new Error(
    `Production refuses to start: these development staff accounts still have the development password: ${live.join(', ')}. ` +
      `Disable each (npm run staff:disable -- --email <email>) or give it a new password (npm run staff:password -- --email <email>), ` +
      'with the same DATABASE_URL / DATA_DIR, then start again.',
  );
}
