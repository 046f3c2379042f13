import { Hono } from 'hono'
import { errors } from '../errors.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry, list } from '../http/envelope.js'
import { parseList, parsePaging } from '../http/params.js'
import { jsonResponse } from '../http/respond.js'
import { parseClassQuery, selectClasses } from '../model/class-query.js'
import { CLASS_INCLUDES, classJson } from '../model/rest-json.js'
import type { ClassDef } from '../store/model-types.js'

/**
 * The model API (ACS's alfresco-model.yaml, TypesImpl and AspectsImpl): GET /types, /types/{id},
 * /aspects, /aspects/{id}. A single class always carries properties, mandatoryAspects and
 * associations (ALL_PROPERTIES); a list only what `include` asks for.
 */
export function modelRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  for (const [path, kind] of [['types', 'type'], ['aspects', 'aspect']] as const) {
    app.get(`/${path}`, (c) => {
      const paging = parsePaging((k) => c.req.query(k))
      const include = (parseList(c.req.queries('include')) ?? []).filter((i) => (CLASS_INCLUDES as readonly string[]).includes(i))
      const classes = selectClasses(deps.dictionary, kind, parseClassQuery(c.req.query('where')))
      return jsonResponse(list(classes.map((cls) => classJson(deps.dictionary, cls, include)), paging))
    })
    app.get(`/${path}/:id`, (c) => {
      const id = c.req.param('id')
      const cls: ClassDef | undefined = kind === 'type' ? deps.dictionary.type(id) : deps.dictionary.aspect(id)
      // An unknown prefix (NamespaceException) and an unknown name are both EntityNotFound.
      if (!cls) throw errors.entityNotFound(id)
      return jsonResponse(entry(classJson(deps.dictionary, cls, CLASS_INCLUDES)))
    })
  }
  return app
}
