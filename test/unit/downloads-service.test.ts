import { describe, expect, it } from 'vitest'
import { entryNames, unzip } from '../support/unzip.js'
import { counters, GiB, setup, T0 } from './downloads.setup.js'

describe('cancelling', () => {
  const cancelled = ['CANCELLED', 28, 56, 0, 2]
  it('in PENDING ends CANCELLED at the first progress point, with its counters', async () => {
    const { clock, service, alice } = setup({ pendingMs: 1_000, bytesPerSecond: 28 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    clock.set(T0 + 500)
    service.cancel(alice, id)
    expect((await service.status(alice, id)).status).toBe('PENDING')
    clock.set(T0 + 1_000)
    expect(counters(await service.status(alice, id))).toEqual(cancelled)
    clock.set(T0 + 10_000)
    expect(counters(await service.status(alice, id))).toEqual(cancelled)
    await expect(service.content(id)).rejects.toMatchObject({ statusCode: 404, errorKey: 'framework.exception.ApiDefault' })
  })

  it('in IN_PROGRESS ends CANCELLED at the next progress point (0 < bytesAdded ≤ totalBytes)', async () => {
    const { clock, service, alice } = setup({ pendingMs: 1_000, bytesPerSecond: 28 })
    const { id } = service.create(alice, ['a.txt', 'b.txt', 'docTest3.txt'])
    clock.set(T0 + 1_500)
    service.cancel(alice, id)
    expect(counters(await service.status(alice, id))).toEqual(['IN_PROGRESS', 28, 69, 0, 3])
    clock.set(T0 + 2_000)
    expect(counters(await service.status(alice, id))).toEqual(['CANCELLED', 56, 69, 1, 3])
  })

  it('at the last progress point has nothing left to notice it: the download ends DONE', async () => {
    const { clock, service, alice } = setup({ pendingMs: 1_000, bytesPerSecond: 28 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    clock.set(T0 + 2_500)
    service.cancel(alice, id)
    clock.set(T0 + 3_000)
    expect((await service.status(alice, id)).status).toBe('DONE')
  })

  it('after DONE changes nothing and the ZIP stays available', async () => {
    const { service, alice } = setup({ progression: 'instant' })
    const { id } = service.create(alice, ['a.txt'])
    expect((await service.status(alice, id)).status).toBe('DONE')
    service.cancel(alice, id)
    expect((await service.status(alice, id)).status).toBe('DONE')
    expect(await entryNames(await service.content(id))).toEqual(['a.txt'])
  })

  it('in polls takes effect at the next read that reaches a new point', async () => {
    const { service, alice } = setup({ progression: 'polls', pendingPolls: 1, inProgressPolls: 2 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    expect((await service.status(alice, id)).status).toBe('PENDING')
    service.cancel(alice, id)
    expect(counters(await service.status(alice, id))).toEqual(cancelled)
    expect(counters(await service.status(alice, id))).toEqual(cancelled)
  })
})

describe('max content size', () => {
  it('ends a 3 GiB synthetic download MAX_CONTENT_SIZE_EXCEEDED with bytesAdded = the limit, without allocating it', async () => {
    const { clock, service, alice } = setup({ pendingMs: 250 })
    const before = process.memoryUsage().arrayBuffers
    const { id } = service.create(alice, ['dvd-image.iso'])
    clock.advance(250)
    expect(counters(await service.status(alice, id))).toEqual(['MAX_CONTENT_SIZE_EXCEEDED', 2_152_852_358, 3 * GiB, 0, 1])
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024)
    await expect(service.content(id)).rejects.toMatchObject({ statusCode: 404 })
    service.cancel(alice, id)
    expect((await service.status(alice, id)).status).toBe('MAX_CONTENT_SIZE_EXCEEDED')
  })

  it('is strictly greater than the limit, and a limit ≤ 0 disables it', async () => {
    const at56 = setup({ progression: 'instant', maxContentSize: 56 })
    expect((await at56.service.status(at56.alice, at56.service.create(at56.alice, ['a.txt', 'b.txt']).id)).status).toBe('DONE')
    const at55 = setup({ progression: 'instant', maxContentSize: 55 })
    const view = await at55.service.status(at55.alice, at55.service.create(at55.alice, ['a.txt', 'b.txt']).id)
    expect(counters(view)).toEqual(['MAX_CONTENT_SIZE_EXCEEDED', 55, 56, 0, 2])
    const off = setup({ progression: 'instant', maxContentSize: 0 })
    const big = await off.service.status(off.alice, off.service.create(off.alice, ['big.bin']).id)
    expect(big.status).toBe('DONE')
  })
})

describe('the walk and the ZIP', () => {
  it('gives ACS entry order for a folder plus a file it contains, leaving out what the owner cannot read', async () => {
    const { service, alice } = setup({ progression: 'instant' })
    const { id } = service.create(alice, ['folder1', 'docTest3.txt'])
    expect(counters(await service.status(alice, id))).toEqual(['DONE', 39, 39, 3, 3])
    const zip = await unzip(await service.content(id))
    expect(zip.map((e) => e.name)).toEqual([
      'folder1/',
      'folder1/docTest3.txt',
      'folder1/subFolder1/',
      'folder1/subFolder1/docTest4.txt',
      'docTest3.txt',
    ])
  })

  it('includes the children only bob can read in bob’s download', async () => {
    const { service, u } = setup({ progression: 'instant' })
    const bob = u('bob')
    const fromBob = service.create(bob, ['folder1']).id
    const fromAlice = service.create(u('alice'), ['folder1']).id
    expect(await entryNames(await service.content(fromBob))).toContain('folder1/bobs.txt')
    expect(await entryNames(await service.content(fromAlice))).not.toContain('folder1/bobs.txt')
  })

  it('names the download node archive.zip for several ids and <name>.zip for one, owned by the caller', () => {
    const { store, service, alice } = setup()
    const many = store.get(service.create(alice, ['a.txt', 'b.txt']).id)!
    const one = store.get(service.create(alice, ['folder1']).id)!
    expect([many.name, one.name]).toEqual(['archive.zip', 'folder1.zip'])
    expect(one).toMatchObject({ nodeType: 'download:download', parentId: 'downloads_container', createdBy: 'alice', readers: ['alice'] })
  })
})

describe('the cleaner', () => {
  it('deletes downloads whose last change is older than maxAge, and not before', async () => {
    const cleaner = { startDelayMs: 1_000, intervalMs: 1_000, maxAgeMs: 5_000 }
    const { clock, store, service, alice } = setup({ progression: 'instant', cleaner })
    const { id } = service.create(alice, ['a.txt'])
    await service.status(alice, id)
    clock.advance(5_000) // runs at +1 s … +5 s: the last change (T0) is not older than now − 5 s
    expect(store.get(id)).toBeDefined()
    clock.advance(1_000)
    expect(store.get(id)).toBeUndefined()
    await expect(service.status(alice, id)).rejects.toMatchObject({ statusCode: 404 })
  })

  it('with ACS defaults, keeps a download past the first hourly run and deletes it at the second', () => {
    const { clock, store, service, alice } = setup()
    const { id } = service.create(alice, ['a.txt'])
    clock.advance(3_600_000)
    expect(store.get(id)).toBeDefined()
    clock.advance(3_600_000)
    expect(store.get(id)).toBeUndefined()
  })

  it('restarts its schedule on reset and runs no more after stop', () => {
    const cleaner = { startDelayMs: 1_000, intervalMs: 1_000, maxAgeMs: 0 }
    const { clock, store, service, alice } = setup({ progression: 'manual', cleaner })
    clock.advance(600)
    service.reset()
    const id = service.create(alice, ['a.txt']).id
    clock.advance(600) // 1.2 s after start, 0.6 s after reset: no run yet
    expect(store.get(id)).toBeDefined()
    clock.advance(400)
    expect(store.get(id)).toBeUndefined()
    service.stop()
    const kept = service.create(alice, ['a.txt']).id
    clock.advance(10_000)
    expect(store.get(kept)).toBeDefined()
  })

  it('counts age from the last status change, whatever the status', () => {
    const { clock, store, service, alice } = setup({ progression: 'manual', cleaner: { enabled: false, maxAgeMs: 1_000 } })
    const a = service.create(alice, ['a.txt']).id
    const b = service.create(alice, ['b.txt']).id
    clock.advance(900)
    service.advance(b)
    clock.advance(200)
    expect(service.runCleaner()).toEqual([a])
    expect([store.get(a), store.get(b)?.id]).toEqual([undefined, b])
  })
})
