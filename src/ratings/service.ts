import { errors } from '../errors.js'
import type { RepoDeps } from '../store/extras.js'
import type { RatingRecord, RatingSchemeId } from '../store/ratings.js'
import type { MockNode, MockUser } from '../store/types.js'
import { isAnnotatable } from '../tags/service.js'

/** A scheme as NodeRatingsImpl knows it: the API id, the RatingService bean name, the range, self-rating. */
interface Scheme {
  id: RatingSchemeId
  bean: string
  min: number
  max: number
  selfRating: boolean
}

/** rating-services-context.xml: likes 1..1, fiveStar 1..5 and not on one's own content. */
const SCHEMES: readonly Scheme[] = [
  { id: 'fiveStar', bean: 'fiveStarRatingScheme', min: 1, max: 5, selfRating: false },
  { id: 'likes', bean: 'likesRatingScheme', min: 1, max: 1, selfRating: true },
]

/** A node's rating in one scheme (NodeRating.java): the caller's own, and the aggregate. */
export interface NodeRatingView {
  id: RatingSchemeId
  myRating?: boolean | number
  ratedAt?: number
  aggregate: { numberOfRatings: number; average?: number }
}

/**
 * NodeRatingsImpl.validateRatingScheme: the registry knows each scheme by its API id and by its
 * bean name (AbstractRatingScheme.afterPropertiesSet), anything else is 400.
 */
export function requireScheme(id: string | undefined): Scheme {
  const scheme = SCHEMES.find((s) => s.id === id || s.bean === id)
  if (!scheme) throw errors.invalidLiteral(`Invalid ratingSchemeId ${String(id)}`)
  return scheme
}

/** GET /nodes/{id}/ratings: every scheme, in the order of their bean names (a TreeSet). */
export function allSchemes(): readonly Scheme[] {
  return SCHEMES
}

/** AbstractRatingScheme.getNodeRating: likes counts; fiveStar also averages. */
export function nodeRating(deps: RepoDeps, node: MockNode, scheme: Scheme, user: MockUser): NodeRatingView {
  const ratings = deps.extras.ratings.list(node.id, scheme.id)
  const mine = ratings.find((r) => r.user === user.id)
  const view: NodeRatingView = { id: scheme.id, aggregate: { numberOfRatings: ratings.length } }
  if (scheme.id === 'fiveStar' && ratings.length > 0) view.aggregate.average = ratings.reduce((t, r) => t + r.score, 0) / ratings.length
  if (mine) {
    view.myRating = scheme.id === 'likes' ? true : Math.trunc(mine.score)
    view.ratedAt = mine.ratedAt
  }
  return view
}

/**
 * NodeRatingsImpl.addRating → LikesRatingScheme / FiveStarRatingScheme.applyRating → RatingService:
 * the value's JSON type first, then the range, then self-rating. A like of false is a score of 0,
 * outside likes' 1..1.
 */
export function applyRating(deps: RepoDeps, node: MockNode, scheme: Scheme, value: unknown, user: MockUser): void {
  if (!isAnnotatable(node)) throw errors.invalidLiteral('Cannot rate this node', 405)
  const score = scoreOf(scheme, value)
  if (score < scheme.min || score > scheme.max) {
    throw errors.invalidLiteral(`Rating ${score.toFixed(1)} violates range for RatingSchemeImpl ${scheme.bean} [${scheme.min.toFixed(1)}..${scheme.max.toFixed(1)}] <Count, Total>`)
  }
  if (!scheme.selfRating && node.createdBy === user.id) {
    throw errors.invalidLiteral(`Users can't rate their own content for scheme ${scheme.bean}`)
  }
  const rating: RatingRecord = { scheme: scheme.id, user: user.id, score, ratedAt: deps.clock.now() }
  deps.extras.ratings.put(node.id, rating)
  rollUp(deps, node, scheme)
}

/** removeRatingByCurrentUser: nothing to remove is no error. */
export function removeRating(deps: RepoDeps, node: MockNode, scheme: Scheme, user: MockUser): void {
  if (deps.extras.ratings.remove(node.id, scheme.id, user.id)) rollUp(deps, node, scheme)
}

function scoreOf(scheme: Scheme, value: unknown): number {
  if (scheme.id === 'likes') {
    if (typeof value !== 'boolean') throw errors.invalidLiteral("Rating should be non-null and a boolean for 'likes' rating scheme.")
    return value ? 1 : 0
  }
  // Jackson reads a JSON integer into an Integer; 4.0, "4" and true are other types.
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) {
    throw errors.invalidLiteral("Rating should be non-null and an integer for 'fiveStar' rating scheme.")
  }
  if (value < scheme.min || value > scheme.max) throw errors.invalidLiteral('Rating is out of bounds.')
  return value
}

function rollUp(deps: RepoDeps, node: MockNode, scheme: Scheme): void {
  rollUpRatings(node, scheme.id, deps.extras.ratings.list(node.id, scheme.id).map((r) => r.score))
}

/** The property rollups of a scheme on the rated node (RatingNamingConventionsUtil: cm:<bean>Count / Total). */
export function rollUpRatings(node: MockNode, schemeId: RatingSchemeId, scores: readonly number[]): void {
  const bean = requireScheme(schemeId).bean
  for (const aspect of ['cm:rateable', `cm:${bean}Rollups`]) if (!node.aspectNames.includes(aspect)) node.aspectNames.push(aspect)
  node.properties[`cm:${bean}Count`] = scores.length
  node.properties[`cm:${bean}Total`] = scores.reduce((t, s) => t + s, 0)
}
