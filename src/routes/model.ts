import { Hono } from 'hono'
import { errors } from '../errors.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { jsonResponse } from '../http/respond.js'
import { classQuery, selectClasses } from '../model/class-query.js'
import { applyFields, pageOf } from '../rest/index.js'
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
      const params = paramsOf(c)
      const include = params.include.filter((i) => (CLASS_INCLUDES as readonly string[]).includes(i))
      const classes = selectClasses(deps.dictionary, kind, classQuery(params.where))
      return jsonResponse(pageOf(classes.map((cls) => applyFields(classJson(deps.dictionary, cls, include), params.fields)), params.paging))
    })
    app.get(`/${path}/:id`, (c) => {
      const id = c.req.param('id')
      const cls: ClassDef | undefined = kind === 'type' ? deps.dictionary.type(id) : deps.dictionary.aspect(id)
      // An unknown prefix (NamespaceException) and an unknown name are both EntityNotFound.
      if (!cls) throw errors.entityNotFound(id)
      return jsonResponse(entry(applyFields(classJson(deps.dictionary, cls, CLASS_INCLUDES), paramsOf(c).fields)))
    })
  }
  return app
}
