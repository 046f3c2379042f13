/** ACS's success envelopes: `{entry}` and `{list:{pagination,entries}}`. */
export interface Paging {
  skipCount: number
  maxItems: number
}

export function entry<T>(value: T): { entry: T } {
  return { entry: value }
}

export function list<T>(all: readonly T[], paging: Paging): {
  list: {
    pagination: { count: number; hasMoreItems: boolean; totalItems: number; skipCount: number; maxItems: number }
    entries: { entry: T }[]
  }
} {
  const page = all.slice(paging.skipCount, paging.skipCount + paging.maxItems)
  return {
    list: {
      pagination: {
        count: page.length,
        hasMoreItems: paging.skipCount + page.length < all.length,
        totalItems: all.length,
        skipCount: paging.skipCount,
        maxItems: paging.maxItems,
      },
      entries: page.map((e) => ({ entry: e })),
    },
  }
}

/** `fields=a,b`: keep only those top-level properties of an entry (generic framework behaviour). */
export function pickFields<T extends object>(value: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields || fields.length === 0) return value
  const out: Record<string, unknown> = {}
  for (const f of fields) if (f in value) out[f] = (value as Record<string, unknown>)[f]
  return out as Partial<T>
}
