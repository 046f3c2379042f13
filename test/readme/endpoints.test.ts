import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORE_BASE } from '../../src/http/context.js'
import { COVERAGE_MARKER, ENDPOINTS_MARKER, matrixRows, renderCoverage, renderEndpointMatrix } from '../tools/endpoint-matrix.js'
import { section } from '../tools/readme-sections.js'

const readme = () => readFileSync(join(process.cwd(), 'README.md'), 'utf8')

describe("the README's endpoint matrix", () => {
  it('is what the routes render now (run `npm run readme` if not)', async () => {
    const fresh = (await renderEndpointMatrix()).trim()
    if (section(readme(), ENDPOINTS_MARKER) !== fresh) {
      throw new Error("README.md's endpoint matrix differs from the mock's routes. Please run `npm run readme` and commit README.md.")
    }
  })

  it("states the matrix's numbers on the first screen (run `npm run readme` if not)", async () => {
    const text = readme()
    if (section(text, COVERAGE_MARKER) !== (await renderCoverage()).trim()) {
      throw new Error("README.md's coverage statement differs from the endpoint matrix. Please run `npm run readme` and commit README.md.")
    }
    const { rows, missing } = await matrixRows()
    const implemented = rows.filter((r) => r.operationId).length
    expect(section(text, COVERAGE_MARKER)).toContain(`It implements ${implemented} of the ${implemented + missing.length} operations`)
    // The first screen: within the first 40 lines, before the reference starts.
    expect(text.split('\n').findIndex((l) => l.includes(`<!-- ${COVERAGE_MARKER} -->`))).toBeLessThan(40)
    expect(text.indexOf(`<!-- ${COVERAGE_MARKER} -->`)).toBeLessThan(text.indexOf('## Quick start'))
  })

  it('changes when a route is added, so the test above catches a route added without the README', async () => {
    const extended = await renderEndpointMatrix({
      extend: (app) => app.get(`${CORE_BASE}/nodes/:nodeId/parents`, (c) => c.json({})),
    })
    expect(extended).not.toBe(section(readme(), ENDPOINTS_MARKER))
    expect(extended).toContain('| core | GET | `/nodes/{nodeId}/parents` | `listParents` | implemented |')
  })

  it('maps every route to its operationId, and every route outside the spec answers 405 as ACS does', async () => {
    const { rows, missing } = await matrixRows()
    const implemented = rows.filter((r) => r.operationId).map((r) => r.operationId).sort()
    expect(implemented).toEqual(
      [
        'cancelDownload', 'copyNode', 'createCategory', 'createCategoryLinkForNode', 'createComment',
        'createDownload', 'createNode', 'createRating', 'createTag', 'createTagForNode', 'createTicket',
        'deleteCategory', 'deleteCategoryLinkFromNode', 'deleteComment', 'deleteDeletedNode', 'deleteNode',
        'deleteRating', 'deleteTag', 'deleteTagFromNode', 'deleteTicket', 'deleteVersion', 'getAspect',
        'getCategory', 'getDeletedNode', 'getDeletedNodeContent', 'getDownload', 'getNode', 'getNodeContent',
        'getRating', 'getTag', 'getType', 'getVersion', 'getVersionContent', 'listAspects', 'listCategoriesForNode',
        'listComments', 'listDeletedNodes', 'listNodeChildren', 'listRatings', 'listSubcategories', 'listTags',
        'listTagsForNode', 'listTypes', 'listVersionHistory', 'lockNode', 'moveNode', 'restoreDeletedNode',
        'revertVersion', 'unlockNode', 'updateCategory', 'updateComment', 'updateNode', 'updateNodeContent',
        'updateTag', 'validateTicket',
      ],
    )
    expect(rows.filter((r) => !r.operationId).every((r) => r.status === '405 as ACS')).toBe(true)
    expect(missing.map((o) => o.operationId)).toContain('checkoutNode')
    expect(implemented.length + missing.length).toBe(189)
  })
})
