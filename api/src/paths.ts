import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the folder above api/ (works from api/src and from dist/api/src). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'cms', 'package.json')) && existsSync(path.join(dir, 'api', 'package.json'))) {
      return dir;
    }
  }
  throw new Error(`Cannot find the repository root above ${__dirname}`);
}
