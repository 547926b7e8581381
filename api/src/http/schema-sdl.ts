import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { printSchemaFile } from '../schema';

/**
 * `GET /schema.graphql`: the SDL, exactly the committed schema/schema.graphql, for codegen,
 * graphql-inspector and anyone who would rather not run an introspection query. Served only
 * while introspection is on (off, the schema is not published at all: 404 like any unknown
 * path). Printed once; the ETag is its hash, so clients revalidate with a 304.
 */
export function schemaSdlRouter(schema: GraphQLSchema, { isPublished }: { isPublished: boolean }): Router {
  const router = express.Router();
  if (!isPublished) return router;
  const sdl = printSchemaFile(schema);
  const etag = `"${createHash('sha256').update(sdl).digest('base64url')}"`;
  router.get('/schema.graphql', (req, res) => {
    res.set({ ETag: etag, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*' });
    // Compared here, not with req.fresh: that treats a request's `Cache-Control: no-cache`
    // (which fetch adds to every conditional request) as a reload, but an origin answers the
    // condition either way (RFC 9110 §13.1.2).
    const candidates = (req.get('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (candidates.includes(etag) || candidates.includes('*')) {
      res.status(304).end();
      return;
    }
    res.type('text/plain; charset=utf-8').send(sdl);
  });
  return router;
}
