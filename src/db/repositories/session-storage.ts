// grammY session/conversation storage in the sessions table, through the
// maintained @grammyjs/storage-prisma adapter. Its package.json points ESM
// imports at files it does not ship, so it is loaded as CommonJS.
import { createRequire } from 'node:module'
import type { StorageAdapter } from 'grammy'
import type { Database } from '#root/db/client.js'

type PrismaAdapterClass = new <T>(delegate: Database['session']) => StorageAdapter<T>

const { PrismaAdapter } = createRequire(import.meta.url)('@grammyjs/storage-prisma') as { PrismaAdapter: PrismaAdapterClass }

export function createSessionStorage<T>(db: Database): StorageAdapter<T> {
  return new PrismaAdapter<T>(db.session)
}
