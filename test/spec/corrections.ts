/**
 * Where ACS answers or accepts what its own OpenAPI files (beside this one, copied unchanged) say
 * it does not, the suite follows ACS (DESIGN.md: "where ACS itself differs from its spec, follow
 * ACS and say so"). These corrections are applied to the parsed spec both by the response checker
 * (test/support/spec-load.ts) and when src/openapi/request-spec.json is generated
 * (test/tools/request-spec.ts); each names the ACS code it follows.
 */
type Schema = Record<string, unknown>

interface SpecShape {
  paths: Record<string, Record<string, unknown>>
  definitions: Record<string, Schema>
}

/**
 * Creates whose body may be one entity or a list, as the spec's own descriptions say
 * (ResourceWebScriptPost: a list answers with a paged list), with the list form of the answer.
 */
const LIST_CREATES: readonly { path: string; entry: string; paging: string }[] = [
  { path: '/nodes/{nodeId}/tags', entry: 'TagEntry', paging: 'TagPaging' },
  { path: '/nodes/{nodeId}/comments', entry: 'CommentEntry', paging: 'CommentPaging' },
  { path: '/nodes/{nodeId}/category-links', entry: 'CategoryEntry', paging: 'CategoryPaging' },
  { path: '/categories/{categoryId}/subcategories', entry: 'CategoryEntry', paging: 'CategoryPaging' },
  // TagsEntityResource.create(List<Tag>): the same framework rule, though the spec is silent.
  { path: '/tags', entry: 'TagEntry', paging: 'TagPaging' },
]

export function correctSpec(spec: SpecShape): void {
  const defs = spec.definitions
  // Comment.java has no title unless one was sent, and Jackson's NON_EMPTY leaves null out.
  if (defs.Comment) defs.Comment = { ...defs.Comment, required: (defs.Comment.required as string[]).filter((r) => r !== 'title') }
  // NodeRating.myRating is an Object: a boolean for likes, an integer for fiveStar; the
  // fiveStar average is a Float (FiveStarRatingSummary).
  const rating = defs.Rating?.properties as Record<string, Schema> | undefined
  if (rating) {
    rating.myRating = { description: rating.myRating?.description, type: ['boolean', 'integer'] }
    const aggregate = rating.aggregate?.properties as Record<string, Schema> | undefined
    if (aggregate) aggregate.average = { type: 'number' }
  }
  const body = defs.RatingBody?.properties as Record<string, Schema> | undefined
  if (body) body.myRating = { description: body.myRating?.description, type: ['boolean', 'integer'] }
  for (const create of LIST_CREATES) listCreate(spec, create)
}

function listCreate(spec: SpecShape, create: (typeof LIST_CREATES)[number]): void {
  const op = spec.paths[create.path]?.post as { parameters?: Schema[]; responses?: Record<string, Schema> } | undefined
  if (!op) return
  for (const p of op.parameters ?? []) {
    if (p.in === 'body' && p.schema) p.schema = { anyOf: [p.schema, { type: 'array', items: p.schema }] }
  }
  const created = op.responses?.['201']
  if (created) {
    created.schema = { anyOf: [{ $ref: `#/definitions/${create.entry}` }, { $ref: `#/definitions/${create.paging}` }] }
  }
}
