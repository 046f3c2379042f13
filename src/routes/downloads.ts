import { Hono, type Context } from 'hono'
import { DOWNLOAD_STATUSES } from '../downloads/types.js'
import { errors } from '../errors.js'
import { readJson, unknownProperty } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { applyFields } from '../rest/fields.js'
import { postedEntities } from '../rest/paging.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'

/** The properties of org.alfresco.rest.api.model.Download: Jackson accepts (and ignores) all but nodeIds. */
const DOWNLOAD_FIELDS = ['id', 'nodeIds', 'status', 'bytesAdded', 'totalBytes', 'filesAdded', 'totalFiles'] as const
const COUNTERS = ['bytesAdded', 'totalBytes', 'filesAdded', 'totalFiles'] as const

/** POST /downloads, GET and DELETE /downloads/{id}; ACS has no list and no update (405). */
export function downloadRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const fields = (c: Context<Env>) => paramsOf(c).fields

  app.post('/downloads', async (c) => {
    const nodeIds = readNodeIds(await readJson(c, deps.maxBodyBytes))
    // The request's scenario (X-Mock-Scenario, else the active one) scripts the download for its
    // whole life; claimed only once ACS's checks pass, so a rejected POST is no "nth" download.
    const script = () => c.get('scenario')?.claimDownloadScript(nodeIds)
    const view = deps.downloads.create(c.get('user'), nodeIds, script)
    return jsonResponse(entry(applyFields(view, fields(c))), 202)
  })

  app.get('/downloads/:downloadId', async (c) => {
    const view = await deps.downloads.status(c.get('user'), c.req.param('downloadId'))
    return jsonResponse(entry(applyFields(view, fields(c))), 200)
  })

  app.delete('/downloads/:downloadId', (c) => {
    deps.downloads.cancel(c.get('user'), c.req.param('downloadId'))
    return emptyResponse(202)
  })

  const unsupported = () => {
    throw errors.unsupportedOperation()
  }
  app.on(['GET', 'PUT', 'DELETE'], '/downloads', unsupported)
  app.on(['POST', 'PUT'], '/downloads/:downloadId', unsupported)
  return app
}

/**
 * The body as Jackson reads it into a Download (allowMultiple=false, FAIL_ON_UNKNOWN_PROPERTIES,
 * ACCEPT_SINGLE_VALUE_AS_ARRAY). Where ACS would throw a NullPointerException (no nodeIds), the
 * mock answers a 400 that says what is missing.
 */
export function readNodeIds(posted: unknown): string[] {
  const [body] = postedEntities(posted, false)
  if (body !== undefined && body !== null && typeof body !== 'object') {
    throw errors.unreadableBody(
      `Cannot construct instance of \`org.alfresco.rest.api.model.Download\` from ${JSON.stringify(body)}: a JSON object is expected`,
    )
  }
  const download = (body ?? {}) as Record<string, unknown>
  const unknown = unknownProperty(download, DOWNLOAD_FIELDS)
  if (unknown !== undefined) {
    const known = DOWNLOAD_FIELDS.map((f) => `"${f}"`).join(', ')
    throw errors.unreadableBody(
      `Unrecognized field "${unknown}" (class org.alfresco.rest.api.model.Download), not marked as ignorable (${DOWNLOAD_FIELDS.length} known properties: ${known}])`,
    )
  }
  checkIgnoredFields(download)
  const raw = download.nodeIds
  if (raw === undefined || raw === null) throw nodeIdsError('"nodeIds" is missing')
  const nodeIds = typeof raw === 'string' ? [raw] : raw
  if (!Array.isArray(nodeIds)) throw nodeIdsError('"nodeIds" is not an array')
  const bad = nodeIds.findIndex((id) => typeof id !== 'string')
  if (bad >= 0) throw nodeIdsError(`nodeIds[${bad}] is ${JSON.stringify(nodeIds[bad])}, not a string`)
  return nodeIds as string[]
}

/** The known fields still have to deserialize: a status outside the enum or a non-number counter fails. */
function checkIgnoredFields(download: Record<string, unknown>): void {
  const status = download.status
  if (status !== undefined && status !== null && !DOWNLOAD_STATUSES.includes(status as never)) {
    throw errors.unreadableBody(
      `Cannot deserialize value of type \`org.alfresco.service.cmr.download.DownloadStatus$Status\` from String ${JSON.stringify(status)}: not one of the values accepted for Enum class: [${DOWNLOAD_STATUSES.join(', ')}]`,
    )
  }
  for (const name of COUNTERS) {
    const value = download[name]
    if (value === undefined || value === null || typeof value === 'number') continue
    if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) continue
    throw errors.unreadableBody(`Cannot deserialize value of type \`long\` from ${JSON.stringify(value)} (field "${name}")`)
  }
}

function nodeIdsError(reason: string) {
  return errors.invalidArgument(
    `Failed to create the download: ${reason}. Please send {"nodeIds": ["<node id>", ...]} with at least one node id.`,
  )
}
