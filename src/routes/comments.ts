import { Hono, type Context } from 'hono'
import { readJson } from '../http/body.js'
import { commentJson } from '../http/annotation-json.js'
import type { AppDeps, Env } from '../http/context.js'
import { createdResponse, pagedResponse, readEntities, readEntity, stringField } from '../http/entities.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { commentPermissions, commentsOf, createComments, deleteComment, updateComment, type CommentInput } from '../comments/service.js'
import type { CommentRecord } from '../store/comments.js'
import type { MockNode } from '../store/types.js'
import { requireReadable } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'
import { rightsOf } from './rights.js'

const COMMENT_BODY = {
  className: 'org.alfresco.rest.api.model.Comment',
  fields: ['id', 'title', 'content', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy', 'edited', 'canEdit', 'canDelete'],
}

/**
 * Comments on a folder or file (NodeCommentsRelation, CommentsImpl): list (newest first),
 * create one or a list, update, delete. Node ids are not aliases here (validateNode).
 */
export function commentRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const rights = rightsOf(deps)
  const json = (c: Context<Env>, node: MockNode, comment: CommentRecord) =>
    applyFields(commentJson(deps.auth, comment, commentPermissions(node, comment, c.get('user'), rights)), paramsOf(c).fields)

  app.get('/nodes/:nodeId/comments', (c) => {
    const node = readableNode(deps, c)
    return pagedResponse(commentsOf(deps, node), paramsOf(c), (comment) => json(c, node, comment))
  })

  app.post('/nodes/:nodeId/comments', async (c) => {
    const inputs = readEntities(await readJson(c, deps.maxBodyBytes), COMMENT_BODY).map(inputOf)
    const node = readableNode(deps, c)
    const created = createComments(deps, node, inputs, c.get('user'), rights)
    return createdResponse(created.map((comment) => json(c, node, comment)))
  })

  app.put('/nodes/:nodeId/comments/:commentId', async (c) => {
    const input = inputOf(readEntity(await readJson(c, deps.maxBodyBytes), COMMENT_BODY))
    const node = readableNode(deps, c)
    const comment = updateComment(deps, node, c.req.param('commentId'), input, c.get('user'), rights)
    return jsonResponse(entry(json(c, node, comment)))
  })

  app.delete('/nodes/:nodeId/comments/:commentId', (c) => {
    const node = readableNode(deps, c)
    deleteComment(deps, node, c.req.param('commentId'), c.get('user'), rights)
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/nodes/:nodeId/comments', 'commentId', { read: true, create: true, update: true, delete: true })
  return app
}

function inputOf(body: Record<string, unknown>): CommentInput {
  return { content: stringField(body.content, 'content'), title: stringField(body.title, 'title') }
}

/** The node (no aliases, a `;version` suffix ignored) the caller may read: else 404 / 403. */
function readableNode(deps: AppDeps, c: Context<Env>): MockNode {
  const node = deps.store.require(c.req.param('nodeId') ?? '')
  requireReadable(deps, node, c.get('user'))
  return node
}
