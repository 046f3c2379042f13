/**
 * Likes and five-star ratings (NodeRatingsImpl, LikesRatingScheme, FiveStarRatingScheme,
 * RatingServiceImpl; remote-api's tests/TestNodeRatings.java; TAS ratings/*Tests.java).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, fixtureNode, get, post } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const node = (path: string) => fixtureNode(mock, path)

afterEach(() => mock.reset())

describe('GET /nodes/{nodeId}/ratings', () => {
  it('lists both schemes, fiveStar first (by bean name), with the caller’s rating and the aggregate', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const r = await get(mock, `/nodes/${plan.id}/ratings`, { auth: ALICE })
    expect(r.json.list.entries.map((e: { entry: unknown }) => e.entry)).toEqual([
      { id: 'fiveStar', aggregate: { numberOfRatings: 1, average: 4 } },
      { id: 'likes', myRating: true, ratedAt: alfrescoDate(plan.modifiedAt), aggregate: { numberOfRatings: 1 } },
    ])
    const page = await get(mock, `/nodes/${plan.id}/ratings?skipCount=1`)
    expect(page.json.list.pagination).toEqual({ count: 1, hasMoreItems: false, totalItems: 2, skipCount: 1, maxItems: 100 })
  })

  it('gets one scheme by its id or its bean name; an unknown scheme is 400 "Invalid ratingSchemeId"', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expect((await get(mock, `/nodes/${plan.id}/ratings/fiveStar`, { auth: BOB })).json.entry).toMatchObject({ id: 'fiveStar', myRating: 4 })
    expect((await get(mock, `/nodes/${plan.id}/ratings/likesRatingScheme`)).json.entry.id).toBe('likes')
    expectAlfrescoError(await get(mock, `/nodes/${plan.id}/ratings/stars`), 400, 'Invalid ratingSchemeId stars')
    expectAlfrescoError(await get(mock, '/nodes/no-such-node/ratings'), 404)
  })
})

describe('POST /nodes/{nodeId}/ratings', () => {
  it('likes with 201 and the rating as it stands; rating again changes nothing (TestNodeRatings)', async () => {
    const file = node('Shared/test-file-1.txt')
    mock.clock.advance(1000)
    const r = await post(mock, `/nodes/${file.id}/ratings`, { id: 'likes', myRating: true }, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(r.json.entry).toEqual({ id: 'likes', myRating: true, ratedAt: alfrescoDate(mock.clock.now()), aggregate: { numberOfRatings: 1 } })
    await post(mock, `/nodes/${file.id}/ratings`, { id: 'likes', myRating: true }, { auth: BOB })
    const again = await post(mock, `/nodes/${file.id}/ratings`, { id: 'likes', myRating: true }, { auth: BOB })
    expect(again.json.entry.aggregate).toEqual({ numberOfRatings: 2 })
    expect((await get(mock, `/nodes/${file.id}?include=properties`)).json.entry.properties).toMatchObject({ 'cm:likesRatingSchemeCount': 2, 'cm:likesRatingSchemeTotal': 2 })
  })

  it('rates fiveStar 1–5 and averages', async () => {
    const file = node('Shared/test-file-1.txt')
    await post(mock, `/nodes/${file.id}/ratings`, { id: 'fiveStar', myRating: 5 }, { auth: ALICE })
    const r = await post(mock, `/nodes/${file.id}/ratings`, { id: 'fiveStar', myRating: 2 }, { auth: BOB })
    expect(r.json.entry).toMatchObject({ myRating: 2, aggregate: { numberOfRatings: 2, average: 3.5 } })
  })

  it('refuses as ACS does: wrong value types, out of range, a like of false, fiveStar on one’s own node, an unknown scheme', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'likes', myRating: 2 }), 400, "Rating should be non-null and a boolean for 'likes' rating scheme.")
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'fiveStar', myRating: true }, { auth: ALICE }), 400, "Rating should be non-null and an integer for 'fiveStar' rating scheme.")
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'fiveStar', myRating: 6 }, { auth: ALICE }), 400, 'Rating is out of bounds.')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'likes', myRating: false }), 400, 'Rating 0.0 violates range for RatingSchemeImpl likesRatingScheme [1.0..1.0] <Count, Total>')
    // admin created the fixture files (fiveStarRatingScheme: selfRatingAllowed=false).
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'fiveStar', myRating: 3 }), 400, "Users can't rate their own content for scheme fiveStarRatingScheme")
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, { id: 'missingRatingScheme', myRating: true }, { invalidRequest: true }), 400, 'Invalid ratingSchemeId missingRatingScheme')
    expect((await get(mock, `/nodes/${file.id}/ratings`)).json.list.entries.map((e: { entry: { aggregate: { numberOfRatings: number } } }) => e.entry.aggregate.numberOfRatings)).toEqual([0, 0])
  })

  it('takes one rating per request: a list is 405 "Only 1 entity is supported in the HTTP request body"', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/ratings`, [{ id: 'likes', myRating: true }], { invalidRequest: true }), 405, 'Only 1 entity is supported in the HTTP request body')
  })
})

describe('DELETE /nodes/{nodeId}/ratings/{ratingId}', () => {
  it('removes the caller’s rating with 204, and is a no-op when there is none', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expect((await del(mock, `/nodes/${plan.id}/ratings/likes`, { auth: ALICE })).status).toBe(204)
    expect((await get(mock, `/nodes/${plan.id}/ratings/likes`, { auth: ALICE })).json.entry).toEqual({ id: 'likes', aggregate: { numberOfRatings: 0 } })
    expect((await del(mock, `/nodes/${plan.id}/ratings/likes`, { auth: ALICE })).status).toBe(204)
    expectAlfrescoError(await del(mock, `/nodes/${plan.id}/ratings/stars`), 400)
  })

  it('answers the framework’s 405s for PUT', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await call(mock, 'PUT', `/nodes/${plan.id}/ratings/likes`, { body: {}, invalidRequest: true }), 405)
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/ratings/likes`, {}, { invalidRequest: true }), 405, 'POST is executed against a collection URL')
  })
})
