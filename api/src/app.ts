import http from 'node:http';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PUBLIC_MAX_AGE_SECONDS, responseCachePlugin } from './cache/cache.plugin';
import { cachedAnswers } from './cache/cached-answers';
import { InFlightAnswers } from './cache/in-flight';
import { ResponseCache } from './cache/response-cache';
import { expressMiddleware } from '@as-integrations/express5';
import { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { buildContext, type Context, type ContextServices } from './context';
import { createOrmConfig } from './db/mikro-orm.config';
import { createFormatError, serviceUnavailablePlugin } from './errors/format-error';
import { unstorableTextPlugin } from './errors/unstorable-text';
import { cmsWebhookRouter } from './http/cms-webhook';
import { answerClientErrorsAsJson } from './http/client-error';
import { capConnectionsPerAddress } from './http/connection-cap';
import { errorHandler, notFoundHandler } from './http/error-handler';
import type { CentreCardData } from './http/embed/centre-card';
import { BADGE_OPERATION, badgeRouter, type OperationAnswer } from './http/embed/badge.router';
import { CARD_OPERATION, embedRouter } from './http/embed/embed.router';
import type { CentreBadgeData } from './http/embed/star-badge';
import { webComponentRouter } from './http/embed/web-component';
import { explorerRouter } from './http/explorer';
import { schemaSdlRouter } from './http/schema-sdl';
import { pageBudget } from './http/page-budget';
import { pagesRouter } from './http/pages/pages.router';
import type { RunPageQuery } from './http/pages/page-answer';
import Redis from 'ioredis';
import { clientIdentity, type RequestClient } from './http/client-identity';
import { staffIdentity } from './http/staff-identity';
import { PARSE_LIMITS, queryLimitsPlugin } from './limits/limits.plugin';
import { loadSafelist, OperationSafelist } from './limits/safelist';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './limits/rate-limiter';
import { rateBudget } from './limits/rate-budget';
import { UsageRecorder } from './modules/api-key/usage-recorder';
import { DEFAULT_QUERY_LIMITS } from './limits/query-limits';
import { previewRouter } from './http/preview';
import { EditorialSyncRunner } from './modules/editorial/editorial-sync.runner';
import { StrapiClient } from './modules/editorial/strapi-client';
import { redactSecrets } from './logger';
import { listTags } from './modules';
import { S3PhotoStore } from './modules/report/report-photo.s3';
import { FilePhotoStore, type PhotoStore } from './modules/report/report-photo.store';
import { MAX_PHOTOS_PER_REPORT, reportPhotoRouter } from './http/report-photos.router';
import { createSchema } from './schema';
import type { LoaderOptions } from './shared/loader';

/** How the API talks to the CMS; without it the editorial read model is served but not synced. */
export interface EditorialOptions {
  cmsUrl: string;
  /** Base for media URLs given to clients (the CMS's public address). */
  mediaBaseUrl: string;
  apiToken: string;
  webhookSecret: string;
  previewSecret: string;
  reconcileSeconds: number;
}

export interface AppOptions {
  databaseUrl: string;
  logger: Logger;
  /** Receives every SQL statement the API runs (tests count them). */
  onQuery?: (sql: string) => void;
  /**
   * False when the API is one part of a larger start-up (npm start): /readyz then answers
   * 503 "starting" until markReady() says every part is up.
   */
  startsReady?: boolean;
  editorial?: EditorialOptions;
  /** How loaders fetch: batched, unless the benchmark measures its N+1 floor (bench/api-server.ts). */
  loaders?: LoaderOptions;
  /** The server-side response cache: on, unless the benchmark measures the API cold. */
  responseCache?: boolean;
  /** Receives each /graphql request's context once built (tests inspect its entity manager). */
  onContext?: (context: Context) => void;
  /** Where reports' photos are kept: unless given, the PHOTO_S3_ bucket when configured, else files under DATA_DIR. */
  photoStore?: PhotoStore;
}

export interface App {
  orm: MikroORM;
  schema: GraphQLSchema;
  httpServer: http.Server;
  /** Starts listening on config.host:config.port (port 0 picks a free one) and returns the base URL. */
  listen(): Promise<string>;
  markReady(): void;
  /** The server-side response cache; its purge() is what writers call with the tags they touch. */
  responseCache: ResponseCache;
  /** Writes the buffered per-key usage counts now (they are written every few seconds anyway). */
  flushUsage(): Promise<void>;
  /** Present when the app is connected to a CMS. */
  editorialSync: EditorialSyncRunner | undefined;
  stop(): Promise<void>;
}

export async function createApp(
  config: Config,
  { databaseUrl, logger, onQuery, startsReady = true, editorial, loaders = { batch: true }, responseCache: isCaching = true, onContext, photoStore }: AppOptions,
): Promise<App> {
  let isStarted = startsReady;
  const orm = await MikroORM.init(createOrmConfig({ databaseUrl, onQuery, log: (message, level) => logger[level](message) }));
  const schema = await createSchema();
  const mediaBaseUrl = editorial?.mediaBaseUrl ?? config.cms.publicUrl;
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : undefined;
  const limiter: RateLimiter = redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter();
  const usage = new UsageRecorder(orm, logger);
  const responseCache = new ResponseCache({ ttlSeconds: PUBLIC_MAX_AGE_SECONDS, maxEntries: isCaching ? 5000 : 0, logger, redis });
  await responseCache.start();
  const inFlight = new InFlightAnswers();
  const contextOptions: ContextServices = {
    mediaBaseUrl,
    publicUrl: config.publicUrl,
    purge: async (tags) => {
      await responseCache.purge(tags);
    },
    limiter,
    staffSessionHours: config.staffSessionHours,
    orderSubmissions: config.orderSubmissions,
    loaders,
  };
  const strapiClient = editorial ? new StrapiClient(editorial.cmsUrl, editorial.apiToken) : undefined;
  const editorialSync = strapiClient ? new EditorialSyncRunner(orm, strapiClient, logger, editorial!.reconcileSeconds, (tags) => responseCache.purge(tags)) : undefined;
  // Registered operations are known by hash from the start, so safelist clients can send
  // only the hash (automatic persisted queries) without registering the text first.
  const safelist = new OperationSafelist(loadSafelist(), orm);
  const persistedQueries = safelist.persistedQueries(new InMemoryLRUCache<string>());
  const app = express();
  const httpServer = http.createServer(app);
  // Slow clients cannot hold connections: the headers must arrive within 10 s, the whole
  // request within 30 s, an idle keep-alive connection is closed after 5 s and any socket
  // silent for 60 s is closed; one address may hold at most MAX_CONNECTIONS_PER_ADDRESS.
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 10_000;
  httpServer.keepAliveTimeout = 5_000;
  httpServer.timeout = 60_000;
  capConnectionsPerAddress(httpServer, config.maxConnectionsPerAddress, logger);
  answerClientErrorsAsJson(httpServer);

  const apollo = new ApolloServer<Context>({
    schema,
    // On by default: portals build their clients from it. When off, error messages stop
    // suggesting field names too, so the schema cannot be guessed from them.
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own handler would re-raise the signal mid-stop.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      unstorableTextPlugin(),
      queryLimitsPlugin({ limits: DEFAULT_QUERY_LIMITS, limiter, usage, safelist }),
      responseCachePlugin(responseCache, inFlight, listTags),
      // The cache plugin above sets Cache-Control from the data; Apollo's own would say no-store.
      ApolloServerPluginCacheControlDisabled(),
      // Last, so its 503 for a database outage is what the client gets.
      serviceUnavailablePlugin(),
    ],
    parseOptions: PARSE_LIMITS,
    persistedQueries: { cache: persistedQueries },
    logger,
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Behind a reverse proxy, req.ip (every budget's address) is the visitor's, not the proxy's.
  app.set('trust proxy', config.trustProxy);
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // One short line per request: what was asked, the answer's status and the time taken.
      serializers: {
        // Keys, staff and preview tokens never reach the log, not even inside a URL.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactSecrets(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!isStarted) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    const isReady = await orm.isConnected();
    res.status(isReady ? 200 : 503).json({ status: isReady ? 'ready' : 'database unreachable' });
  });
  // Before the explorer's GET route: Express would answer CORS preflights for /graphql itself.
  app.use('/graphql', clientIdentity({ orm, anonymousRatePerMinute: config.anonymousRatePerMinute }));
  app.use('/graphql', staffIdentity({ orm, staffRatePerMinute: config.anonymousRatePerMinute }));
  app.use(explorerRouter());
  app.use(schemaSdlRouter(schema, { isPublished: config.introspection }));
  app.use(cmsWebhookRouter({ secret: editorial?.webhookSecret, runner: editorialSync, logger }));
  // Server-rendered pages run their GraphQL in-process, through the same limits, cache and scope as clients.
  const runOperation = async (query: string, variables: Record<string, unknown>, client: RequestClient) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: buildContext(orm, contextOptions, client) });
    return response.body.kind === 'single' ? response.body.singleResult : null;
  };
  // The badge also passes on the answer's HTTP head: its Cache-Control and Surrogate-Key.
  const runBadgeQuery = async (code: string, client: RequestClient): Promise<OperationAnswer<{ centre: CentreBadgeData | null }>> => {
    const response = await apollo.executeOperation<{ centre: CentreBadgeData | null }>(
      { query: BADGE_OPERATION, variables: { code } },
      { contextValue: buildContext(orm, contextOptions, client) },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { data: result?.data ?? null, errors: result?.errors, status: response.http.status, headers: response.http.headers };
  };
  const runCardQuery = async (variables: { code: string; locale: string }, client: RequestClient) => {
    const answer = await runOperation(CARD_OPERATION, variables, client);
    return answer?.data && !answer.errors?.length ? (answer.data as { centre: CentreCardData | null }) : null;
  };
  app.use(
    previewRouter({
      client: strapiClient,
      secret: editorial?.previewSecret,
      mediaBaseUrl,
      publicUrl: config.publicUrl,
      logger,
      loadCard: async (code, locale) => (await runCardQuery({ code, locale }, { bucket: 'preview', ratePerMinute: Number.MAX_SAFE_INTEGER }))?.centre ?? null,
    }),
  );
  app.use(webComponentRouter());
  const chargePage = pageBudget(rateBudget(limiter, usage));
  // Pages pass on their answer's Surrogate-Key, so a purge of what a page shows ends it on CDNs too.
  const runPageQuery: RunPageQuery = async <T>(query: string, variables: Record<string, unknown>, client: RequestClient) => {
    const response = await apollo.executeOperation<T & Record<string, unknown>>({ query, variables }, { contextValue: buildContext(orm, contextOptions, client) });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    if (!result?.data || result.errors) return null;
    return { data: result.data, surrogateKey: response.http.headers.get('surrogate-key') };
  };
  app.use(
    pagesRouter({
      orm,
      responseCache,
      publicUrl: config.publicUrl,
      anonymousRatePerMinute: config.anonymousRatePerMinute,
      chargePage,
      runQuery: runPageQuery,
    }),
  );
  app.use(
    embedRouter({
      orm,
      publicUrl: config.publicUrl,
      mediaBaseUrl,
      keylessFrameAncestors: config.embedFrameAncestors,
      anonymousRatePerMinute: config.anonymousRatePerMinute,
      chargePage,
      runCardQuery,
    }),
  );
  // Reports' photos: raw bodies (GraphQL here is JSON only), the resident's token or a staff session.
  app.use('/reports', clientIdentity({ orm, anonymousRatePerMinute: config.anonymousRatePerMinute }));
  app.use('/reports', staffIdentity({ orm, staffRatePerMinute: config.anonymousRatePerMinute }));
  app.use(
    reportPhotoRouter({
      orm,
      store: photoStore ?? (config.photoS3 ? new S3PhotoStore(config.photoS3) : new FilePhotoStore(config.dataDir)),
      limiter,
      uploadsPerAddressPerHour: config.orderSubmissions.perAddressPerHour * MAX_PHOTOS_PER_REPORT,
      purge: async (tags) => {
        await responseCache.purge(tags);
      },
    }),
  );
  app.use(badgeRouter({ publicUrl: config.publicUrl, anonymousRatePerMinute: config.anonymousRatePerMinute, runBadgeQuery }));
  // Cache hits leave as stored bytes before Apollo; everything else goes on to Apollo.
  const answerHits = responseCache.isEnabled
    ? [cachedAnswers({ cache: responseCache, inFlight, budget: rateBudget(limiter, usage), maxCost: DEFAULT_QUERY_LIMITS.maxCost, safelist, persistedQueries })]
    : [];
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    ...answerHits,
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const context = buildContext(orm, contextOptions, res.locals.client, res.locals.staff);
        onContext?.(context);
        return context;
      },
    }),
  );
  app.use(notFoundHandler());
  app.use(errorHandler(logger));

  return {
    orm,
    schema,
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`);
        });
      }),
    markReady: () => {
      isStarted = true;
    },
    editorialSync,
    flushUsage: () => usage.flush(),
    responseCache,
    stop: async () => {
      await editorialSync?.stop();
      await apollo.stop();
      await usage.stop();
      await responseCache.stop();
      await limiter.close();
      redis?.disconnect();
      await orm.close(true);
    },
  };
}
