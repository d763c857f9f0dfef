import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerErrorHandler } from './platform/errors.js';
import { registerReadRouting } from './db/read.js';
import { registerTextGuard } from './platform/text-guard.js';
import { responseSerializerCompiler } from './platform/serializer.js';
import { registerAuthHook } from './platform/auth/auth.hook.js';
import { registerApiRateLimit } from './platform/rate-limit.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { totpRoutes } from './platform/auth/totp.routes.js';
import { registerMetrics } from './platform/metrics.js';
import { unitRoutes } from './modules/org/units.routes.js';
import { peopleRoutes } from './modules/org/people.routes.js';
import { dutyRoutes } from './modules/org/duties.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { fileRoutes } from './platform/files/files.routes.js';
import { FileStore } from './platform/files/files.store.js';
import { featureRoutes } from './modules/index.js';
import { registerWriteGenerations } from './platform/cache/write-generations.js';
import type { RouteTarget } from './access/target.js';

export interface RouteInfo {
  method: string;
  url: string;
  permission?: string;
  public?: boolean;
  target?: RouteTarget;
}

export interface BuiltApp {
  app: FastifyInstance;
  routes: RouteInfo[];
}

/** Builds the whole product on one database; main.ts listens, tests use inject(). */
export async function buildApp(cfg: Config, database: Database, opts: { logger?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: cfg.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: cfg.bodyLimitBytes,
    trustProxy: process.env.TRUST_PROXY === '1',
    // The router rejects malformed URLs (bad percent-encoding, over-long parameters) before any hook runs:
    // answer those in the API's error shape too.
    frameworkErrors: (err, _req, res) => {
      const reply = res as unknown as FastifyReply;
      if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH')
        return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: err.code === 'FST_ERR_BAD_URL' ? 'malformed URL' : 'path parameter too long' } });
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
    },
    ajv: undefined,
    // Every route uses the zod compilers set below, so Fastify need not load its default ones
    // (ajv and fast-json-stringify: about half of buildApp's time at server start).
    // (Fastify's types expect ajv-shaped factories, hence the casts.)
    schemaController: {
      compilersFactory: {
        buildValidator: (() => validatorCompiler) as never,
        buildSerializer: (() => responseSerializerCompiler(cfg.validateResponses)) as never,
      },
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  // zod validation of responses in development and tests; production sends the schema's projection (platform/serializer.ts)
  app.setSerializerCompiler(responseSerializerCompiler(cfg.validateResponses));

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || !r.url.startsWith('/api/v1')) continue;
      routes.push({ method: m, url: r.url, permission: r.config?.permission, public: r.config?.public, target: r.config?.target });
    }
  });

  registerErrorHandler(app);
  registerTextGuard(app);
  await app.register(cookie);
  registerReadRouting(app, database);
  registerWriteGenerations(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: cfg.uploadLimitBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Santong API', description: '三同: party building and business planned, carried out and assessed together', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'st_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // the IP limit runs before authentication, the per-user limit right after it
  registerApiRateLimit(app, cfg, () => registerAuthHook(app, database.db, cfg));
  registerMetrics(app);

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.query('select 1');
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const deps = { db: database.db, cfg };
  await app.register(authRoutes, deps);
  await app.register(totpRoutes, deps);
  await app.register(unitRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(dutyRoutes, deps);
  await app.register(adminRoutes, deps);
  await app.register(fileRoutes, { db: database.db, store: new FileStore(path.join(cfg.dataDir, 'files'), cfg.uploadLimitBytes) });
  for (const plugin of featureRoutes) await app.register(plugin, deps);

  const serveWeb = cfg.serveWeb && fs.existsSync(path.join(cfg.webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: cfg.webDist, wildcard: false, maxAge: '1h' });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes: any other GET outside the API gets the app shell.
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });
  return { app, routes };
}
