// The boundaries in eslint.config.mjs hold: `npm run lint` fails on an import cycle, on server code imported by a
// component or a client-safe module, and on the Prisma client imported outside the data layer.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// ignore: false lints the fixtures, which the project's own lint run skips on purpose
const eslint = new ESLint({ ignore: false })

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

describe('lint boundaries', () => {
  it('fails on an import cycle', async () => {
    const [result] = await eslint.lintFiles(['tests/fixtures/lint-cycle/first.ts'])
    expect(result.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle')
  }, 30_000)

  it('fails when a component imports server code, and passes when it imports client-safe code', async () => {
    const serverImport = "import { getProviderView } from '@/lib/email-provider/server/store'\nexport const x = getProviderView\n"
    expect(await rulesBroken(serverImport, 'lib/email-provider/components/fixture.tsx')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Server-only/),
    ])
    expect(await rulesBroken(serverImport, 'components/ui/fixture.tsx')).toEqual(expect.arrayContaining([expect.stringMatching(/^no-restricted-imports/)]))
    const safeImport = "import { EMAIL_PROVIDER_LABELS } from '@/lib/email-provider/labels'\nexport const x = EMAIL_PROVIDER_LABELS\n"
    expect(await rulesBroken(safeImport, 'lib/email-provider/components/fixture.tsx')).toEqual([])
  }, 30_000)

  it('fails when a client-safe module imports the environment, or a component imports a route file', async () => {
    expect(await rulesBroken("import { env } from '@/lib/env'\nexport const x = env\n", 'lib/email-provider/fixture.ts')).toHaveLength(1)
    expect(await rulesBroken("import * as page from '@/app/page'\nexport const x = page\n", 'components/console/fixture.tsx')).not.toHaveLength(0)
    expect(await rulesBroken("import * as page from '@/app/page'\nexport const x = page\n", 'lib/delivery/server/fixture.ts')).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*app\/ only routes/),
    ])
  }, 30_000)

  it('lets only the data layer import the generated Prisma client', async () => {
    const prismaImport = "import { PrismaClient } from '@/lib/generated/prisma/client'\nexport const x = PrismaClient\n"
    expect(await rulesBroken(prismaImport, 'lib/email-provider/server/fixture.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: .*data layer/)])
    expect(await rulesBroken(prismaImport, 'lib/server/db/fixture.ts')).toEqual([])
  }, 30_000)

  it('holds the order between features: a base layer imports no feature, only app/ calls the Management API', async () => {
    const featureImport = "import { getProviderView } from '@/lib/email-provider/server/store'\nexport const x = getProviderView\n"
    expect(await rulesBroken(featureImport, 'lib/mail/server/fixture.ts')).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*base layer/)])
    expect(await rulesBroken(featureImport, 'lib/delivery/server/fixture.ts')).toEqual([])
    const apiImport = "import { getDeliveries } from '@/lib/management-api/server/deliveries'\nexport const x = getDeliveries\n"
    expect(await rulesBroken(apiImport, 'lib/api-keys/server/fixture.ts')).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*Management API/)])
    expect(await rulesBroken(apiImport, 'app/api/v1/fixture/route.ts')).toEqual([])
  }, 30_000)
})
