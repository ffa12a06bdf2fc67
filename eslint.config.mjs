import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import prettier from 'eslint-config-prettier/flat'

// Boundaries the linter holds (README, "Layout"):
// - no import cycles;
// - only the data layer (lib/server/db) imports the generated Prisma client;
// - components and a feature's client-safe files never import server code: a `server/` folder, lib/server, lib/env,
//   'use server' actions of another layer's making, or anything under app/.
const SERVER_CODE = [
  {
    group: ['@/lib/server/**', '@/lib/*/server/**', '@/lib/*/server', '**/server/**', '../server', './server'],
    message: 'Server-only code: client-safe files may not import it.',
  },
  { group: ['@/lib/env', 'server-only', 'node:*'], message: 'Server-only: client-safe files may not import it.' },
  { group: ['@/lib/generated/**'], message: 'Only the data layer (lib/server/db) imports the Prisma client.' },
]
const PRISMA_ONLY_IN_DATA_LAYER = [
  {
    group: ['@/lib/generated/**', '**/generated/prisma/**'],
    message: 'Only the data layer (lib/server/db) imports the Prisma client: import its types from @/lib/server/db.',
  },
]
// The order between features: the base layers know no feature, and only app/ routes call the Management API.
const FEATURES = ['api-keys', 'audit', 'auth', 'delivery', 'email-provider', 'management-api', 'members', 'org-users', 'owner-notices']
const BASE_LAYERS = ['lib/mail', 'lib/forms', 'lib/orgs', 'lib/enums.ts', 'lib/env.ts', 'lib/routes.ts', 'components/ui']
const FEATURE_ORDER = [
  ...BASE_LAYERS.map((target) => ({
    target: `./${target}`,
    from: FEATURES.map((feature) => `./lib/${feature}`),
    message: 'A base layer may not import a feature.',
  })),
  ...[...FEATURES.filter((feature) => feature !== 'management-api').map((feature) => `lib/${feature}`), 'lib/server', ...BASE_LAYERS].map((target) => ({
    target: `./${target}`,
    from: './lib/management-api',
    message: 'Only app/ routes call the Management API.',
  })),
]
const NO_APP_IMPORTS_ANYWHERE = ['lib', 'components', 'scripts', 'bench'].map((target) => ({
  target: `./${target}`,
  from: './app',
  message: 'app/ only routes: import from the feature module instead.',
}))
const NO_APP_IMPORTS = [{ group: ['@/app/**'], message: 'app/ only routes: import from the feature module instead.' }]

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      'lib/generated/**',
      '.next/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'next-env.d.ts',
      'bench/bare-next/**',
      'tests/fixtures/**',
    ],
  },
  { files: ['scripts/*-migrate-adapter.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/ban-ts-comment': 'off' } },
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...FEATURE_ORDER, ...NO_APP_IMPORTS_ANYWHERE] }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['lib/server/db/**', 'lib/enums.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PRISMA_ONLY_IN_DATA_LAYER }] },
  },
  {
    files: ['components/**', 'lib/**/components/**', 'lib/*/*.{ts,tsx}', 'lib/*/sender-domain/*.{ts,tsx}'],
    ignores: ['lib/**/actions.ts', 'lib/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SERVER_CODE, ...NO_APP_IMPORTS] }] },
  },
  prettier,
]

export default config
