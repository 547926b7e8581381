import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_STAFF_PASSWORD } from '../../seeds/api/staff';
import type { TestApp } from './test-app';

/** The development accounts the test database is seeded with (seeds/api/staff.ts). */
export const STAFF = {
  city: 'city@example.com',
  hongta: 'hongta@example.com',
  chengjiang: 'chengjiang@example.com',
  gaocang: 'gaocang@example.com',
  gaolongtan: 'gaolongtan@example.com',
  evaluator: 'evaluator@example.com',
} as const;

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** Signs in and returns the headers that act as that account. */
export async function signIn(app: TestApp, email: string, password = DEVELOPMENT_STAFF_PASSWORD): Promise<Record<string, string>> {
  const result = await app.gql<{ login: { token: string } }>(LOGIN, { email, password });
  if (!result.data) throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
  return { authorization: `Bearer ${result.data.login.token}` };
}

/** The text of a documented staff operation (schema/operations/staff/<name>.graphql). */
export function staffOperation(name: string): string {
  return readFileSync(path.join(__dirname, '../../schema/operations/staff', `${name}.graphql`), 'utf8');
}
