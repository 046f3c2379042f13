import type { Context } from 'hono'
import { errors } from '../errors.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry } from '../http/envelope.js'
import { nodeJson, type NodeJson } from '../http/node-json.js'
import { paramsOf } from '../http/params.js'
import { applyFields } from '../rest/fields.js'
import { DOWNLOAD_NODE_TYPE, type MockNode, type MockUser } from '../store/types.js'

export type NodeContext = Context<Env>

/** `include` and `fields` of a request, as the REST framework read them (src/rest/params.ts). */
export interface View {
  include: readonly string[]
  fields: ReadonlySet<string> | undefined
}

export function viewOf(c: NodeContext): View {
  const { include, fields } = paramsOf(c)
  return { include, fields }
}

export function isDownloadNode(node: MockNode): boolean {
  return node.nodeType === DOWNLOAD_NODE_TYPE
}

/** The node behind an id or alias (NodesImpl.validateOrLookupNode without a path): 404 if none. */
export function resolveNode(deps: AppDeps, id: string, user: MockUser): MockNode {
  return deps.store.require(deps.store.resolveAlias(id, user))
}

/** ACS's AccessDeniedException inside Nodes → 403 "Permission was denied". */
export function requireReadable(deps: AppDeps, node: MockNode, user: MockUser): void {
  if (!deps.store.canRead(node, user)) throw errors.permissionDenied()
}

/** `InvalidArgumentException("NodeId of folder is expected: <id>")`: the sentence is also the errorKey. */
export function requireFolder(node: MockNode): void {
  if (!node.isFolder) throw errors.invalidLiteral(`NodeId of folder is expected: ${node.id}`)
}

export function requireFile(node: MockNode): void {
  if (node.isFolder) throw errors.invalidLiteral(`NodeId of content is expected: ${node.id}`)
}

/**
 * `relativePath` (NodesImpl.resolveNodeByPath): slash-separated names below a folder, each trimmed.
 * A missing or unreadable step is the same 404, never a 403 ("uuid vs path" security review).
 */
export function lookupRelative(deps: AppDeps, start: MockNode, relativePath: string, user: MockUser): MockNode {
  requireFolder(start)
  const names = relativePath.split('/').map((n) => n.trim()).filter((n) => n !== '')
  let current = start
  for (const name of names) {
    const next = deps.store.canRead(current, user) ? deps.store.childByName(current.id, name) : undefined
    if (!next || !deps.store.canRead(next, user)) throw errors.relativePathNotFound(relativePath)
    current = next
  }
  return current
}

/** The node a request addresses: alias, then `relativePath` when given. */
export function targetNode(deps: AppDeps, c: NodeContext, user: MockUser): MockNode {
  const node = resolveNode(deps, c.req.param('nodeId') ?? '', user)
  const relativePath = c.req.query('relativePath')
  return relativePath === undefined ? node : lookupRelative(deps, node, relativePath, user)
}

/** A download node's content and size come from the zipper; bring it up to date before showing it. */
export async function refreshed(deps: AppDeps, node: MockNode): Promise<MockNode> {
  if (isDownloadNode(node)) await deps.downloads.refreshNode(node)
  return node
}

/** `{entry}` of one node with the request's include/fields; `full` adds aspectNames and properties. */
export function nodeEntry(deps: AppDeps, node: MockNode, user: MockUser, view: View, full: boolean): { entry: Partial<NodeJson> } {
  const json = nodeJson(deps, node, user, { include: view.include, full })
  return entry(applyFields(json, view.fields))
}
