import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMigration } from '#root/db/create-migration.js'
import { defaultMigrationPaths, listMigrations, migrate } from '#root/db/migrate.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

describe('migrations', () => {
  let fresh: TestDatabase

  beforeAll(async () => {
    fresh = await createTestDatabase({ empty: true })
  })
  afterAll(() => fresh.drop())

  it('should apply every migration to a fresh database and record it like prisma migrate deploy', async () => {
    const names = await listMigrations(defaultMigrationPaths.migrationsDir)
    expect(names.length).toBeGreaterThan(0)
    expect(await migrate(fresh.url)).toEqual(names)
    const rows = await fresh.db.$queryRaw<Array<{ migration_name: string, finished_at: Date | null }>>`SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`
    expect(rows.map(r => r.migration_name)).toEqual(names)
    expect(rows.every(r => r.finished_at !== null)).toBe(true)
    expect(await migrate(fresh.url)).toEqual([])
  })

  it('should let the Prisma client use every model after migrating', async () => {
    const { db } = fresh
    const topic = await db.topic.create({ data: { slug: 'kazakhstan', nameEn: 'Kazakhstan', nameRu: 'Казахстан', aliasesRu: ['Астана'] } })
    const article = await db.article.create({
      data: {
        language: 'ru', title: 'Заголовок', body: 'Текст', contentHash: 'h1', fingerprint: [1, 2, 3],
        story: { create: { firstSeen: new Date(), lastSeen: new Date(), languages: ['ru'] } },
        summaries: { create: { language: 'ru', text: 'Кратко', teaser: 'Тизер', method: 'extractive' } },
        topics: { create: { topicId: topic.id, score: 2.5 } },
      },
    })
    const chat = await db.chat.create({ data: { id: -1001234567890n, type: 'supergroup', timeZone: 'Asia/Almaty', digestTime: '08:30', digestLanguage: 'both' } })
    await db.subscription.create({ data: { chatId: chat.id, topicId: topic.id } })
    await db.delivery.create({ data: { chatId: chat.id, kind: 'digest', periodKey: '2026-11-22', articleIds: [article.id] } })
    await db.delivery.create({ data: { chatId: chat.id, kind: 'breaking', articleId: article.id, articleIds: [article.id] } })
    await db.session.create({ data: { key: 'chat:1', value: '{}' } })
    await db.auditLog.create({ data: { actorId: 42n, action: 'post', articleId: article.id, details: { via: 'test' } } })

    const loaded = await db.article.findUniqueOrThrow({ where: { id: article.id }, include: { summaries: true, topics: { include: { topic: true } }, auditLogs: true } })
    expect(loaded.summaries[0]).toMatchObject({ language: 'ru', method: 'extractive' })
    expect(loaded.topics[0]?.topic.slug).toBe('kazakhstan')
    expect(loaded.auditLogs[0]?.details).toEqual({ via: 'test' })
    expect(loaded.publishedAt).toBeNull()
    expect(await db.chat.findUnique({ where: { id: chat.id }, include: { subscriptions: true, deliveries: true } }))
      .toMatchObject({ state: 'active', uiLanguage: 'en', subscriptions: [{ topicId: topic.id }], deliveries: [{}, {}] })
    expect(await db.session.count()).toBe(1)
  })

  it('should refuse a second digest for the same chat and period and a second push of the same article', async () => {
    const { db } = fresh
    const chatId = -1001234567890n
    await expect(db.delivery.create({ data: { chatId, kind: 'digest', periodKey: '2026-11-22' } })).rejects.toThrow(/Unique constraint/)
    const { id: articleId, storyId } = await db.article.findFirstOrThrow()
    await expect(db.delivery.create({ data: { chatId, kind: 'breaking', articleId } })).rejects.toThrow(/Unique constraint/)
    await expect(db.article.create({ data: { language: 'en', title: 't', body: 'b', contentHash: 'h1', storyId } })).rejects.toThrow(/Unique constraint/)
  })

  it('should move a chat and its subscriptions and deliveries when its id changes (group -> supergroup)', async () => {
    const { db } = fresh
    await db.chat.update({ where: { id: -1001234567890n }, data: { id: -1009999999999n } })
    expect(await db.subscription.count({ where: { chatId: -1009999999999n } })).toBe(1)
    expect(await db.delivery.count({ where: { chatId: -1009999999999n } })).toBe(2)
  })

  it('should leave a database with a failed migration to the engine, which refuses to go on', async () => {
    const { db } = fresh
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('failed-one', 'x', '20990101000000_broken', now(), 0)`
    try {
      await expect(migrate(fresh.url)).rejects.toThrow(/20990101000000_broken/)
    }
    finally {
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE id = 'failed-one'`
    }
    expect(await migrate(fresh.url)).toEqual([])
  })
})

describe('npm run db:migration', () => {
  let dir: string
  let scratch: TestDatabase

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'news-digest-migration-'))
    await cp(defaultMigrationPaths.migrationsDir, join(dir, 'migrations'), { recursive: true })
    scratch = await createTestDatabase({ empty: true })
  })
  afterAll(async () => {
    await scratch.drop()
    await rm(dir, { recursive: true, force: true })
  })

  it('should write nothing when the schema has not changed', async () => {
    const paths = { schemaPath: defaultMigrationPaths.schemaPath, migrationsDir: join(dir, 'migrations') }
    expect(await createMigration(scratch.url, 'nothing', paths)).toBeUndefined()
  })

  it('should write the SQL of a schema change as a new migration that then applies', async () => {
    const schema = (await readFile(defaultMigrationPaths.schemaPath, 'utf8'))
      .replace('  title          String?\n  uiLanguage', '  title          String?\n  nickname       String?\n  uiLanguage')
    expect(schema).toContain('nickname')
    const paths = { schemaPath: join(dir, 'schema.prisma'), migrationsDir: join(dir, 'migrations') }
    await writeFile(paths.schemaPath, schema)

    const created = await createMigration(scratch.url, 'add_nickname', paths, new Date('2099-01-01T00:00:00Z'))
    expect(created).toBe(join(dir, 'migrations', '20990101000000_add_nickname'))
    const sql = await readFile(join(created!, 'migration.sql'), 'utf8')
    expect(sql).toMatch(/ALTER TABLE "chats" ADD COLUMN\s+"nickname" TEXT/)
    expect(await readFile(join(created!, 'schema.prisma'), 'utf8')).toBe(schema)

    const applied = await migrate(scratch.url, paths)
    expect(applied.at(-1)).toBe('20990101000000_add_nickname')
    const client = new pg.Client({ connectionString: scratch.url })
    await client.connect()
    const { rows } = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'chats' AND column_name = 'nickname'`)
    await client.end()
    expect(rows).toHaveLength(1)
    expect(await createMigration(scratch.url, 'again', paths)).toBeUndefined()
  })

  it('should refuse a name that is not a plain identifier', async () => {
    await expect(createMigration(scratch.url, 'drop table;', { schemaPath: defaultMigrationPaths.schemaPath, migrationsDir: join(dir, 'migrations') }))
      .rejects.toThrow(/letters, digits and _ only/)
  })
})
