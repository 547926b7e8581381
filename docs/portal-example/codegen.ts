import type { CodegenConfig } from '@graphql-codegen/cli';

// The portal guide's codegen config, run as written by tests/integration/codegen.test.ts.
const config: CodegenConfig = {
  // The SDL the API serves (GET /schema.graphql); the test points it at its own API.
  schema: process.env.STAR_CENTRES_SCHEMA_URL ?? 'http://localhost:4000/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**/*'],
  generates: {
    'src/gql/': {
      preset: 'client',
      // persisted-documents.json: the manifest an administrator registers for a safelist key.
      // SHA-256, the hash the API and Apollo's persisted-query link use (codegen's default is sha1).
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
