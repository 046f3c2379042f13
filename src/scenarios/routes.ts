/**
 * The route templates the mock serves, relative to an API base (core or authentication).
 * Scenario paths are checked against them, and the journal names each request by one.
 */
export const KNOWN_TEMPLATES: readonly string[] = [
  '/downloads',
  '/downloads/{id}',
  '/nodes/{id}',
  '/nodes/{id}/children',
  '/nodes/{id}/content',
  '/nodes/{id}/copy',
  '/nodes/{id}/move',
  '/nodes/{id}/lock',
  '/nodes/{id}/unlock',
  '/types',
  '/types/{id}',
  '/aspects',
  '/aspects/{id}',
  '/nodes/{id}/versions',
  '/nodes/{id}/versions/{id}',
  '/nodes/{id}/versions/{id}/content',
  '/nodes/{id}/versions/{id}/revert',
  '/deleted-nodes',
  '/deleted-nodes/{id}',
  '/deleted-nodes/{id}/content',
  '/deleted-nodes/{id}/restore',
  '/nodes/{id}/tags',
  '/nodes/{id}/tags/{id}',
  '/tags',
  '/tags/{id}',
  '/nodes/{id}/comments',
  '/nodes/{id}/comments/{id}',
  '/categories',
  '/categories/{id}',
  '/categories/{id}/subcategories',
  '/categories/{id}/subcategories/{id}',
  '/nodes/{id}/category-links',
  '/nodes/{id}/category-links/{id}',
  '/nodes/{id}/ratings',
  '/nodes/{id}/ratings/{id}',
  '/tickets',
  '/tickets/{id}',
]

/** Path segments without empty ones: `/nodes/x/` → ['nodes', 'x']. */
export function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}')

/** A pattern (`{x}` matches one segment, anything else itself) against a concrete path's segments. */
export function matchesPattern(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false
  return pattern.every((p, i) => isParam(p) || p === path[i])
}

// Split once: templateOf runs for every journaled request.
let templateSegments: (readonly [string, string[]])[] | undefined

/** The template a concrete path (relative to an API base) belongs to, if the mock knows one. */
export function templateOf(relativePath: string): string | undefined {
  const path = segments(relativePath)
  templateSegments ??= KNOWN_TEMPLATES.map((t) => [t, segments(t)] as const)
  return templateSegments.find(([, pattern]) => matchesPattern(pattern, path))?.[0]
}

/** True when a rule's pattern can match some request to a known route. */
export function patternIsKnown(pattern: string): boolean {
  const p = segments(pattern)
  return KNOWN_TEMPLATES.some((t) => {
    const s = segments(t)
    return s.length === p.length && s.every((seg, i) => isParam(seg) || isParam(p[i]!) || seg === p[i])
  })
}

/** `/nodes/{nodeId}/content/` → `/nodes/{id}/content`: parameter names do not matter. */
export function normalisePattern(pattern: string): string {
  return `/${segments(pattern)
    .map((s) => (isParam(s) ? '{id}' : s))
    .join('/')}`
}
