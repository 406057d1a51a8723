import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#root/generated/prisma/client.js'

export type Database = PrismaClient

export function createDatabase(connectionString: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) })
}
