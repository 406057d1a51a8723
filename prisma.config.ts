// Prisma 7 CLI config: `prisma generate` reads the schema from here. Migrations are
// run by src/db/migrate.ts (the WebAssembly schema engine), not by the Prisma CLI.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
