// Prisma 7 CLI config: used only for `prisma generate` (migrations are authored with Prisma 6.19, see scripts/migrate6.sh).
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
