import { Hono, type Context } from 'hono'
import { logNumber } from '../errors.js'
import { authenticate, readCredentials } from '../http/auth.js'
import type { AppDeps, Env } from '../http/context.js'
import { jsonResponse } from '../http/respond.js'
import type { Dictionary } from '../model/dictionary.js'
import { associationDefinitionJson, byTitle, classDetailsJson, propertyDefinitionsJson } from '../model/webscript-json.js'
import type { ClassDef } from '../store/model-types.js'

/** The base paths ACS serves web scripts on (`/s` is the short alias of `/service`). */
export const WEBSCRIPT_BASES = ['/alfresco/s', '/alfresco/service'] as const

/** What ACS's `server` line says in a web script's status body (the mock's stand-in version). */
const SERVER = 'Community v25.2.0 (r00000-b0) schema 20,000'

/**
 * ACS's legacy dictionary web scripts, as ADF's metadata panel calls them: GET
 * /api/classes/{prefix}_{name} and its /properties, /associations and /subclasses
 * (remote-api repo/web/scripts/dictionary: ClassGet, PropertiesGet, AssociationsGet,
 * SubClassesGet). `<authentication>user</authentication>`: Basic or alf_ticket, else 401.
 */
export function dictionaryWebScripts(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  app.use('*', async (c, next) => {
    const caller = authenticate(deps, readCredentials(c.req.header('authorization'), (k) => c.req.query(k)))
    if (!caller) return statusResponse(deps, 401, `Authentication failed for Web Script ${scriptId(c.req.path)}`, { 'WWW-Authenticate': 'Basic realm="Alfresco"' })
    c.set('user', caller.user)
    await next()
  })
  const dict = deps.dictionary
  const withClass = (c: Context<Env>, fn: (cls: ClassDef, name: string) => unknown, message = (n: string) => `Check the classname - ${n} - parameter in the URL`): Response => {
    const name = c.req.param('className') ?? ''
    const found = classOf(dict, name)
    if (found === 'no-prefix') return statusResponse(deps, 404, `The exact classname - ${name}  parameter has not been provided in the URL`)
    if (!found) return statusResponse(deps, 404, message(name))
    return jsonResponse(fn(found, name))
  }
  app.get('/api/classes/:className', (c) => withClass(c, (cls) => classDetailsJson(dict, cls)))
  app.get('/api/classes/:className/properties', (c) =>
    withClass(c, (cls) => propertyDefinitionsJson(dict.properties(cls.name)), (n) => `Check the className - ${n} - parameter in the URL`),
  )
  app.get('/api/classes/:className/associations', (c) => withClass(c, (cls, name) => dict.associations(cls.name).map((a) => associationDefinitionJson(a, name))))
  app.get('/api/classes/:className/subclasses', (c) => {
    const r = c.req.query('r')
    if (r !== undefined && r !== '' && !/^(true|false)$/i.test(r)) {
      return statusResponse(deps, 404, `Check the value for the parameter recursive=> ${r}  can only be either true or false`)
    }
    const recursive = r === undefined || r === '' || r.toLowerCase() === 'true'
    return withClass(
      c,
      (cls) => dict.subClasses(cls.name, recursive).sort((a, b) => byTitle(a.title ?? a.name, b.title ?? b.name)).map((s) => classDetailsJson(dict, s)),
      (n) => `Check the className - ${n} parameter in the URL`,
    )
  })
  return app
}

/** DictionaryWebServiceBase: `prefix_name`, split at the first `_`; an unknown prefix is its own 404. */
function classOf(dict: Dictionary, className: string): ClassDef | 'no-prefix' | undefined {
  const i = className.indexOf('_')
  if (i <= 0 || dict.uriOf(className.slice(0, i)) === undefined) return 'no-prefix'
  return dict.getClass(`${className.slice(0, i)}:${className.slice(i + 1)}`)
}

function scriptId(path: string): string {
  const kind = /\/(properties|associations|subclasses)$/.exec(path)?.[1]
  return `org/alfresco/repository/dictionary/${kind ?? 'class'}.get`
}

const STATUS: Record<number, [string, string]> = {
  401: ['Unauthorized', 'The request requires HTTP authentication.'],
  404: ['Not Found', 'The requested resource is not available.'],
}

/**
 * A WebScriptException as surf's status.json.ftl renders it: the status, the message with ACS's
 * log number, the exception line, the server and the time. The call stack is left empty.
 */
function statusResponse(deps: AppDeps, code: number, text: string, headers: Record<string, string> = {}): Response {
  const now = deps.clock.now()
  const message = `${logNumber(now, deps.nextErrorNumber())} ${text}`
  const [name, description] = STATUS[code] ?? ['Internal Error', 'An error inside the HTTP server which prevented it from fulfilling the request.']
  const body = {
    status: { code, name, description },
    message,
    exception: `org.springframework.extensions.webscripts.WebScriptException - ${message}`,
    callstack: [],
    server: SERVER,
    time: javaDateTime(now),
  }
  const response = jsonResponse(body, code)
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v)
  return response
}

/** FreeMarker's `?datetime` in en_US: `Jan 15, 2024, 9:00:00 AM` (UTC). */
function javaDateTime(ms: number): string {
  return new Date(ms).toLocaleString('en-US', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'medium' })
}
