import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import type { StaffIdentity } from '../context';
import { ErrorCode } from '../errors/app-error';
import { authenticate, SESSION_TOKEN_PREFIX } from '../modules/staff/staff.service';
import { refuse, type RequestClient } from './client-identity';

/**
 * Resolves a staff session token (`Authorization: Bearer sst_…`). A token that is sent but
 * not valid is refused outright rather than treated as anonymous, so a client learns at
 * once that it must sign in again. Staff spend a budget of their own, not their address's.
 */
export function staffIdentity({ orm, staffRatePerMinute }: { orm: MikroORM; staffRatePerMinute: number }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.get('authorization')?.match(/^Bearer\s+(\S+)$/)?.[1];
    if (!token?.startsWith(SESSION_TOKEN_PREFIX)) {
      next();
      return;
    }
    const result = await authenticate(orm.em.fork(), token);
    if ('refusal' in result) {
      refuse(res, 401, ErrorCode.UNAUTHENTICATED, result.refusal, {});
      return;
    }
    const client = res.locals.client as RequestClient;
    res.locals.client = { ...client, bucket: `staff:${result.accountId}`, ratePerMinute: staffRatePerMinute } satisfies RequestClient;
    res.locals.staff = { actor: result, token } satisfies StaffIdentity;
    next();
  };
}
