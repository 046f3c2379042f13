/** The two rating schemes ACS ships (rating-services-context.xml), as the REST API names them. */
export type RatingSchemeId = 'likes' | 'fiveStar'

/** One user's rating of a node: in ACS a cm:rating child of the rated node. */
export interface RatingRecord {
  readonly scheme: RatingSchemeId
  readonly user: string
  /** RatingService scores are floats: 1 for a like, 1–5 for fiveStar. */
  readonly score: number
  readonly ratedAt: number
}

/** Ratings per node. */
export class RatingStore {
  readonly #byNode = new Map<string, RatingRecord[]>()

  list(nodeId: string, scheme: RatingSchemeId): RatingRecord[] {
    return (this.#byNode.get(nodeId) ?? []).filter((r) => r.scheme === scheme)
  }

  get(nodeId: string, scheme: RatingSchemeId, user: string): RatingRecord | undefined {
    return this.#byNode.get(nodeId)?.find((r) => r.scheme === scheme && r.user === user)
  }

  /** A user's new rating replaces their earlier one in the same scheme. */
  put(nodeId: string, rating: RatingRecord): void {
    const list = (this.#byNode.get(nodeId) ?? []).filter((r) => !(r.scheme === rating.scheme && r.user === rating.user))
    list.push(rating)
    this.#byNode.set(nodeId, list)
  }

  remove(nodeId: string, scheme: RatingSchemeId, user: string): boolean {
    const list = this.#byNode.get(nodeId) ?? []
    const at = list.findIndex((r) => r.scheme === scheme && r.user === user)
    if (at >= 0) list.splice(at, 1)
    return at >= 0
  }

  forget(nodeId: string): void {
    this.#byNode.delete(nodeId)
  }

  clear(): void {
    this.#byNode.clear()
  }
}
