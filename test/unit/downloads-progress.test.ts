import { describe, expect, it } from 'vitest'
import { entryNames } from '../support/unzip.js'
import { counters, setup, T0 } from './downloads.setup.js'

describe('the time progression', () => {
  it('is PENDING for pendingMs, then reaches each progress point at the byte rate, then DONE', async () => {
    const { clock, service, alice } = setup({ pendingMs: 1_000, bytesPerSecond: 28 })
    const { id, ...created } = service.create(alice, ['a.txt', 'b.txt'])
    expect(created).toEqual({ status: 'PENDING', bytesAdded: 0, totalBytes: 0, filesAdded: 0, totalFiles: 0 })
    const at = async (t: number) => {
      clock.set(T0 + t)
      return counters(await service.status(alice, id))
    }
    expect(await at(999)).toEqual(['PENDING', 0, 0, 0, 0])
    expect(await at(1_000)).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    expect(await at(1_999)).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    // The update comes at the first chunk of the second file: all bytes read, one file done.
    expect(await at(2_000)).toEqual(['IN_PROGRESS', 56, 56, 1, 2])
    expect(await at(2_999)).toEqual(['IN_PROGRESS', 56, 56, 1, 2])
    expect(await at(3_000)).toEqual(['DONE', 56, 56, 2, 2])
  })

  it('reports a large file every 500 chunks of 20,480 bytes', async () => {
    const { clock, service, alice } = setup({ pendingMs: 0, bytesPerSecond: 20_480 })
    const { id } = service.create(alice, ['big.bin'])
    const total = 20_480 * 502 + 5
    const at = async (t: number) => {
      clock.set(T0 + t)
      return counters(await service.status(alice, id))
    }
    expect(await at(0)).toEqual(['IN_PROGRESS', 20_480, total, 0, 1])
    expect(await at(499_999)).toEqual(['IN_PROGRESS', 20_480, total, 0, 1])
    expect(await at(500_000)).toEqual(['IN_PROGRESS', 20_480 * 501, total, 0, 1])
    expect(await at(501_999)).toEqual(['IN_PROGRESS', 20_480 * 501, total, 0, 1])
    // total × 1000 / 20,480 = 502,000.24 ms: positions change on whole milliseconds
    expect(await at(502_000)).toEqual(['IN_PROGRESS', 20_480 * 501, total, 0, 1])
    expect(await at(502_001)).toEqual(['DONE', total, total, 1, 1])
  })

  it('goes from PENDING straight to DONE when every file is empty', async () => {
    const { clock, service, alice } = setup({ pendingMs: 100 })
    const { id } = service.create(alice, ['empty.txt'])
    clock.set(T0 + 99)
    expect(counters(await service.status(alice, id))).toEqual(['PENDING', 0, 0, 0, 0])
    clock.set(T0 + 100)
    expect(counters(await service.status(alice, id))).toEqual(['DONE', 0, 0, 1, 1])
  })

  it('moves the node modifiedAt to the time of the last status change', async () => {
    const { clock, store, service, alice } = setup({ pendingMs: 1_000, bytesPerSecond: 28 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    clock.set(T0 + 2_500)
    await service.status(alice, id)
    expect(store.get(id)!.modifiedAt).toBe(T0 + 2_000)
    expect(store.get(id)!.properties).toMatchObject({ 'download:status': 'IN_PROGRESS', 'download:done': 56 })
  })
})

describe('the polls progression', () => {
  it('answers PENDING for pendingPolls reads, spreads inProgressPolls reads over the points, then DONE', async () => {
    const { clock, store, service, alice } = setup({ progression: 'polls', pendingPolls: 2, inProgressPolls: 3 })
    const { id } = service.create(alice, ['a.txt', 'big.bin', 'b.txt'])
    const total = 56 + 20_480 * 502 + 5
    const reads: unknown[] = []
    for (let i = 0; i < 7; i++) {
      clock.advance(10)
      reads.push(counters(await service.status(alice, id)))
    }
    expect(reads).toEqual([
      ['PENDING', 0, 0, 0, 0],
      ['PENDING', 0, 0, 0, 0],
      ['IN_PROGRESS', 28, total, 0, 3], // first point: a.txt's first chunk
      ['IN_PROGRESS', 28 + 20_480, total, 1, 3], // of 4 points (a, big ×2, b), the 2nd: big.bin's first chunk
      ['IN_PROGRESS', total, total, 2, 3], // last point: b.txt's first chunk
      ['DONE', total, total, 3, 3],
      ['DONE', total, total, 3, 3],
    ])
    // The last change was the sixth read.
    expect(store.get(id)!.modifiedAt).toBe(T0 + 60)
  })

  it('does not count a look at the node or its content as a status read', async () => {
    const { store, service, alice } = setup({ progression: 'polls', pendingPolls: 1, inProgressPolls: 0 })
    const { id } = service.create(alice, ['a.txt'])
    await service.refreshNode(store.get(id)!)
    await expect(service.content(id)).rejects.toMatchObject({ statusCode: 404 })
    expect((await service.status(alice, id)).status).toBe('PENDING')
    expect((await service.status(alice, id)).status).toBe('DONE')
  })
})

describe('the manual and instant progressions', () => {
  it('manual: stays put until advanced one point at a time or to the end', async () => {
    const { clock, service, alice } = setup({ progression: 'manual' })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    clock.advance(3_600_000)
    expect((await service.status(alice, id)).status).toBe('PENDING')
    expect(counters(service.advance(id))).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    expect(counters(await service.status(alice, id))).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    expect(counters(service.advance(id, 1))).toEqual(['IN_PROGRESS', 56, 56, 1, 2])
    expect(counters(service.advance(id, 'done'))).toEqual(['DONE', 56, 56, 2, 2])
    expect(await entryNames(await service.content(id))).toEqual(['a.txt', 'b.txt'])
  })

  it('manual: refuses to advance a download of another progression, with a clear message', () => {
    const { service, alice } = setup({ progression: 'time' })
    const { id } = service.create(alice, ['a.txt'])
    expect(() => service.advance(id)).toThrow(/Failed to advance download .*: its progression is "time"/)
  })

  it('instant: DONE at the first read', async () => {
    const { service, alice } = setup({ progression: 'instant' })
    const { id } = service.create(alice, ['a.txt', 'b.txt'])
    expect(counters(await service.status(alice, id))).toEqual(['DONE', 56, 56, 2, 2])
  })
})
