// ESLint for the API, its tests, the bench and the seeds (the CMS under cms/ is Strapi's own
// project and is not linted here). `npm run lint` runs it with `prettier --check`; `npm test` runs lint.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

// The layers under the feature modules. They may name a module's types (`import type`, erased at
// compile time) but never load a module's code: a module depends on them, not the other way round.
// Nor may they load the files that gather the modules (context, schema, app, server), which would
// bring modules/ in by the back door.
const layersBelowModules = ['api/src/shared/**', 'api/src/auth/**', 'api/src/cache/**', 'api/src/db/**'];

// The composition roots: they exist to gather every module (the ORM's entity list and its
// config), so importing modules/ is their job, not a layering leak.
const compositionRoots = ['api/src/db/entities.ts', 'api/src/db/mikro-orm.config.ts'];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'cms/**', '.data/**', 'bench/results/**', 'tests/artifacts/**'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended, importX.typescript],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    settings: {
      // Extensionless relative imports (CommonJS output, moduleResolution node) resolve to .ts files.
      // (This replaces the typescript preset's legacy resolver setting, which needs another package.)
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      // A cycle through type-only imports (`import type`) is allowed: it has no runtime effect.
      // External packages are not walked (they cannot import us back, and walking them is slow).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',

      // `_name` marks a parameter that must exist for its position (Express error handlers,
      // callbacks); tsc's noUnusedLocals/noUnusedParameters already check the rest the same way.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Control characters in regexes are deliberate here: the API refuses NUL (PostgreSQL cannot
      // store it), logs strip ANSI colours, tests assert that none reach an SVG.
      'no-control-regex': 'off',
      // Regexes here match indented GraphQL documents and SQL: literal spaces read as the text they match.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Tests read GraphQL answers, which are untyped JSON: `any` there is the honest type, and
    // spelling each answer's shape would only repeat the query. The bench's content check reads
    // the same untyped answers from three servers. The API, the rest of the bench and seeds stay strict.
    files: ['tests/**', 'bench/content-check.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain JavaScript run by Node directly (jest.config.js, the fuzz server): CommonJS with Node's globals.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: layersBelowModules,
    ignores: compositionRoots,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(modules|context|schema|app|server|main)(/|$)',
              allowTypeImports: true,
              message: 'shared/, auth/, cache/ and db/ lie below modules/: they load neither a module nor what gathers them (context, schema, app, server); import type is fine.',
            },
          ],
        },
      ],
    },
  },
  // Last: turn off the stylistic rules that Prettier owns.
  prettier,
);
