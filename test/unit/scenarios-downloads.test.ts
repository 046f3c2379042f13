import { describe, expect, it } from 'vitest'
import type { DownloadScript, ScriptStep } from '../../src/downloads/types.js'
import { entryNames } from '../support/unzip.js'
import { counters, setup, T0 } from './downloads.setup.js'

const script = (...steps: ScriptStep[]): DownloadScript => ({ scenario: 'test-scenario', rule: 0, steps })
const notFound = { statusCode: 404, errorKey: 'framework.exception.EntityNotFound' }
const noContent = { statusCode: 404, errorKey: 'framework.exception.ApiDefault' }
/** big.bin is 502 chunks and 5 bytes: ACS updates at its first chunk and at chunk 500. */
const BIG = 20_480 * 502 + 5

describe('a scripted download follows its steps instead of the policy', () => {
  it('counts `polls` steps in status reads and holds the last step for ever', async () => {
    const { service, alice } = setup({ progression: 'instant' })
    const s = script({ status: 'PENDING', polls: 2 }, { status: 'IN_PROGRESS', progress: 0.5, polls: 1 }, { status: 'DONE', polls: 1 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'], s)
    const seen = []
    for (let i = 0; i < 6; i++) seen.push(counters(await service.status(alice, id)))
    expect(seen).toEqual([
      ['PENDING', 0, 0, 0, 0],
      ['PENDING', 0, 0, 0, 0],
      ['IN_PROGRESS', 56, 56, 1, 2],
      ['DONE', 56, 56, 2, 2],
      ['DONE', 56, 56, 2, 2],
      ['DONE', 56, 56, 2, 2],
    ])
    expect(await entryNames(await service.content(id))).toEqual(['a.txt', 'b.txt'])
  })

  it('ends `for` steps on the clock from when they began, whether or not anyone looked in between', async () => {
    const { clock, service, alice } = setup()
    const s = script({ status: 'PENDING', forMs: 1_000 }, { status: 'IN_PROGRESS', progress: 0, forMs: 2_000 }, { status: 'DONE' })
    const a = service.create(alice, ['a.txt', 'b.txt'], s).id
    const b = service.create(alice, ['a.txt', 'b.txt'], s).id
    clock.set(T0 + 999)
    expect((await service.status(alice, a)).status).toBe('PENDING')
    clock.set(T0 + 1_000)
    expect(counters(await service.status(alice, a))).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    clock.set(T0 + 2_999)
    expect((await service.status(alice, a)).status).toBe('IN_PROGRESS')
    clock.set(T0 + 3_000)
    expect((await service.status(alice, a)).status).toBe('DONE')
    expect((await service.status(alice, b)).status).toBe('DONE')
    expect(service.overview().map((d) => d.lastChangeAt)).toEqual([T0 + 3_000, T0 + 3_000])
  })

  it('begins a step entered by a status read at that read', async () => {
    const { clock, service, alice } = setup()
    const { id } = service.create(alice, ['a.txt'], script({ status: 'PENDING', polls: 1 }, { status: 'IN_PROGRESS', forMs: 2_000 }, { status: 'DONE' }))
    expect((await service.status(alice, id)).status).toBe('PENDING')
    clock.set(T0 + 60_000)
    expect((await service.status(alice, id)).status).toBe('IN_PROGRESS')
    clock.set(T0 + 61_999)
    expect((await service.status(alice, id)).status).toBe('IN_PROGRESS')
    clock.set(T0 + 62_000)
    expect((await service.status(alice, id)).status).toBe('DONE')
  })

  it("reports IN_PROGRESS at p with the counters of ACS's progress point at p of the bytes", async () => {
    const { service, alice } = setup()
    const at = async (nodeIds: string[], progress: number) => {
      const { id } = service.create(alice, nodeIds, script({ status: 'IN_PROGRESS', progress }))
      return counters(await service.status(alice, id))
    }
    expect(await at(['a.txt', 'b.txt'], 0)).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    expect(await at(['a.txt', 'b.txt'], 0.49)).toEqual(['IN_PROGRESS', 28, 56, 0, 2])
    expect(await at(['a.txt', 'b.txt'], 0.5)).toEqual(['IN_PROGRESS', 56, 56, 1, 2])
    expect(await at(['big.bin'], 0.5)).toEqual(['IN_PROGRESS', 20_480, BIG, 0, 1])
    expect(await at(['big.bin'], 1)).toEqual(['IN_PROGRESS', 501 * 20_480, BIG, 0, 1])
    // Only empty files: ACS never reports IN_PROGRESS then, so the forced step has zero counters.
    expect(await at(['empty.txt'], 0.5)).toEqual(['IN_PROGRESS', 0, 0, 0, 1])
  })

  it('reports a CANCELLED step with the counters of the latest progress, or of the first point, and no content', async () => {
    const { service, alice } = setup()
    const after = service.create(alice, ['a.txt', 'b.txt'], script({ status: 'IN_PROGRESS', progress: 0.6, polls: 1 }, { status: 'CANCELLED' })).id
    const straight = service.create(alice, ['a.txt', 'b.txt'], script({ status: 'CANCELLED' })).id
    await service.status(alice, after)
    expect(counters(await service.status(alice, after))).toEqual(['CANCELLED', 56, 56, 1, 2])
    expect(counters(await service.status(alice, straight))).toEqual(['CANCELLED', 28, 56, 0, 2])
    await expect(service.content(after)).rejects.toMatchObject(noContent)
  })

  it("forces MAX_CONTENT_SIZE_EXCEEDED with ACS's quirky counters even under the limit", async () => {
    const { service, alice } = setup({ maxContentSize: 1_000 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'], script({ status: 'MAX_CONTENT_SIZE_EXCEEDED' }))
    expect(counters(await service.status(alice, id))).toEqual(['MAX_CONTENT_SIZE_EXCEEDED', 1_000, 56, 0, 2])
    await expect(service.content(id)).rejects.toMatchObject(noContent)
  })

  it('finishes DONE even over the size limit when the script says so', async () => {
    const { service, alice } = setup({ maxContentSize: 10 })
    const { id } = service.create(alice, ['a.txt', 'b.txt'], script({ status: 'DONE' }))
    expect(counters(await service.status(alice, id))).toEqual(['DONE', 56, 56, 2, 2])
  })

  it('removes the download node at a `deleted` step: 404 from then on, as after the cleaner', async () => {
    const { service, store, alice } = setup()
    const { id } = service.create(alice, ['a.txt'], script({ status: 'PENDING', polls: 1 }, { status: 'deleted' }))
    expect((await service.status(alice, id)).status).toBe('PENDING')
    await expect(service.status(alice, id)).rejects.toMatchObject(notFound)
    expect(store.get(id)).toBeUndefined()
    await expect(service.status(alice, id)).rejects.toMatchObject(notFound)
    expect(() => service.cancel(alice, id)).toThrow(expect.objectContaining(notFound))
    expect(service.overview()).toEqual([])
  })

  it('applies a `deleted` step due on the clock at the next look of any kind', () => {
    const { clock, service, store, alice } = setup()
    const { id } = service.create(alice, ['a.txt'], script({ status: 'PENDING', forMs: 5_000 }, { status: 'deleted' }))
    clock.set(T0 + 5_000)
    expect(() => service.cancel(alice, id)).toThrow(expect.objectContaining(notFound))
    expect(store.get(id)).toBeUndefined()
  })

  it('answers the POST PENDING whatever the first step says, and does not count it as a read', async () => {
    const { service, alice } = setup()
    const created = service.create(alice, ['a.txt'], script({ status: 'DONE', polls: 1 }, { status: 'deleted' }))
    expect(counters(created)).toEqual(['PENDING', 0, 0, 0, 0])
    expect((await service.status(alice, created.id)).status).toBe('DONE')
  })

  it('asks a script function only once the request has passed ACS checks', () => {
    const { service, alice } = setup()
    let claims = 0
    const claim = () => (claims++, script({ status: 'PENDING' }))
    expect(() => service.create(alice, [], claim)).toThrow()
    expect(() => service.create(alice, ['nope'], claim)).toThrow()
    expect(claims).toBe(0)
    service.create(alice, ['a.txt'], claim)
    expect(claims).toBe(1)
  })
})

describe('cancelling a scripted download', () => {
  it('is noticed at the next step change: CANCELLED for good, with the first point when nothing was added', async () => {
    const { service, alice } = setup()
    const s = script({ status: 'PENDING', polls: 2 }, { status: 'IN_PROGRESS', progress: 0.5, polls: 1 }, { status: 'DONE' })
    const { id } = service.create(alice, ['a.txt', 'b.txt'], s)
    await service.status(alice, id)
    service.cancel(alice, id)
    expect((await service.status(alice, id)).status).toBe('PENDING')
    const seen = [counters(await service.status(alice, id)), counters(await service.status(alice, id))]
    expect(seen).toEqual([['CANCELLED', 28, 56, 0, 2], ['CANCELLED', 28, 56, 0, 2]])
    expect(service.overview()[0]).toMatchObject({ cancelRequested: true, status: 'CANCELLED' })
  })

  it('during a timed IN_PROGRESS step ends CANCELLED when the step would have ended, at its progress', async () => {
    const { clock, service, alice } = setup()
    const s = script({ status: 'IN_PROGRESS', progress: 0.5, forMs: 2_000 }, { status: 'DONE' })
    const { id } = service.create(alice, ['a.txt', 'b.txt'], s)
    service.cancel(alice, id)
    clock.set(T0 + 1_999)
    expect((await service.status(alice, id)).status).toBe('IN_PROGRESS')
    clock.set(T0 + 2_000)
    expect(counters(await service.status(alice, id))).toEqual(['CANCELLED', 56, 56, 1, 2])
  })

  it('is never noticed by a stuck last step, and changes nothing after DONE', async () => {
    const { clock, service, alice } = setup({ cleaner: { enabled: false } })
    const stuck = service.create(alice, ['a.txt'], script({ status: 'IN_PROGRESS', progress: 0.4 })).id
    const done = service.create(alice, ['a.txt'], script({ status: 'DONE', polls: 1 }, { status: 'DONE' })).id
    service.cancel(alice, stuck)
    expect((await service.status(alice, done)).status).toBe('DONE')
    service.cancel(alice, done)
    clock.set(T0 + 86_400_000)
    expect((await service.status(alice, stuck)).status).toBe('IN_PROGRESS')
    expect((await service.status(alice, done)).status).toBe('DONE')
    expect(await entryNames(await service.content(done))).toEqual(['a.txt'])
  })
})

describe('the overview and the controls of scripted downloads', () => {
  it('shows the scenario, the policy and the current step of each download', async () => {
    const { service, alice } = setup()
    const scripted = service.create(alice, ['a.txt'], script({ status: 'PENDING', polls: 1 }, { status: 'IN_PROGRESS', progress: 0.5 })).id
    service.create(alice, ['b.txt'])
    await service.status(alice, scripted)
    await service.status(alice, scripted)
    expect(service.overview().map(({ policy, scenario, step, status }) => ({ policy, scenario, step, status }))).toEqual([
      { policy: 'script', scenario: 'test-scenario', step: 1, status: 'IN_PROGRESS' },
      { policy: 'time', scenario: null, step: null, status: 'PENDING' },
    ])
  })

  it('refuses a manual advance, naming the scenario', () => {
    const { service, alice } = setup({ progression: 'manual' })
    const { id } = service.create(alice, ['a.txt'], script({ status: 'PENDING' }))
    expect(() => service.advance(id)).toThrow(/Failed to advance download .*: it follows the script of scenario "test-scenario"/)
  })

  it('lets the cleaner delete a stuck download an hour after its last change, as ACS does', () => {
    const { clock, service, store, alice } = setup()
    const { id } = service.create(alice, ['a.txt'], script({ status: 'PENDING' }))
    clock.set(T0 + 3_600_000)
    expect(store.get(id)).toBeDefined()
    clock.set(T0 + 7_200_000)
    expect(store.get(id)).toBeUndefined()
  })
})
