/**
 * The one error type of the mock and the only place that writes ACS's error body
 * (`ResponseWriter#renderErrorResponse`): routes and services throw AlfrescoError, the app maps it.
 */
export const STACK_TRACE_SENTENCE =
  'For security reasons the stack trace is no longer displayed, but the property is kept for previous versions'
export const DESCRIPTION_URL = 'https://api-explorer.alfresco.com'

export interface AlfrescoErrorInit {
  /** ACS prefixes briefSummary with `MMddNNNN ` for its own exception types; plain Java ones have none. */
  numbered?: boolean
  headers?: Record<string, string>
}

export class AlfrescoError extends Error {
  readonly numbered: boolean
  readonly headers: Record<string, string>

  constructor(
    readonly statusCode: number,
    readonly errorKey: string,
    message: string,
    init: AlfrescoErrorInit = {},
  ) {
    super(message)
    this.name = 'AlfrescoError'
    this.numbered = init.numbered ?? true
    this.headers = init.headers ?? {}
  }
}

export interface ErrorBody {
  error: {
    errorKey: string
    statusCode: number
    /** Left out when the exception has no message (JacksonHelper writes NON_EMPTY values only). */
    briefSummary?: string
    stackTrace: string
    descriptionURL: string
    logId: string
  }
}

/** ACS's log number: zero-based month, day of month, and a JVM-wide counter (PlatformRuntimeException). */
export function logNumber(now: number, counter: number): string {
  const d = new Date(now)
  const mm = String(d.getUTCMonth()).padStart(2, '0')
  const dd = String(d.getUTCDate()).padStart(2, '0')
  return `${mm}${dd}${String(counter % 10_000).padStart(4, '0')}`
}

export function toErrorBody(e: AlfrescoError, ctx: { now: number; counter: number; logId: string }): ErrorBody {
  const briefSummary = e.numbered ? `${logNumber(ctx.now, ctx.counter)} ${e.message}` : e.message
  return {
    error: {
      errorKey: e.errorKey,
      statusCode: e.statusCode,
      ...(briefSummary !== '' && { briefSummary }),
      stackTrace: STACK_TRACE_SENTENCE,
      descriptionURL: DESCRIPTION_URL,
      logId: ctx.logId,
    },
  }
}

const K = {
  notFound: 'framework.exception.EntityNotFound',
  invalidQuery: 'framework.exception.InvalidQuery',
  invalidSelect: 'framework.exception.InvalidSelect',
  invalidProperty: 'framework.exception.InvalidProperty',
  denied: 'framework.exception.PermissionDenied',
  invalid: 'framework.exception.InvalidArgument',
  apiDefault: 'framework.exception.ApiDefault',
  constraint: 'framework.exception.ConstraintViolated',
  unsupported: 'framework.exception.UnsupportedResourceOperation',
  plainNotFound: 'framework.exception.NotFound',
  requestedRange: 'framework.exception.RequestedRangeNotSatisfiable',
} as const

/** Named constructors, one per ACS error the mock sends (texts from rest-framework-messages.properties). */
export const errors = {
  entityNotFound: (id: string) => new AlfrescoError(404, K.notFound, `The entity with id: ${id} was not found`),
  relativePathNotFound: (path: string) =>
    new AlfrescoError(404, K.notFound, `The entity with relativePath: ${path} was not found.`),
  notFound: (what: string) => new AlfrescoError(404, K.plainNotFound, `${what} was not found`),
  permissionDenied: (message = 'Permission was denied') => new AlfrescoError(403, K.denied, message),
  /**
   * An ACS exception built from a literal sentence instead of a message key, e.g.
   * `new InvalidArgumentException("Invalid sort field: x")`: PlatformRuntimeException finds no message
   * for it, so the sentence is the text, and ApiException.getMsgId() (the errorKey) is the sentence too.
   * Give the status of the exception's class (InvalidArgument 400, ConstraintViolated 409, …).
   */
  literal: (status: number, message: string) => new AlfrescoError(status, message, message),
  /** `new InvalidArgumentException("literal")` (400, or the status given): see `literal`. */
  invalidLiteral: (message: string, status = 400) => errors.literal(status, message),
  /** The mock's own control-API messages, keyed as InvalidArgument. */
  invalidArgument: (message: string) => new AlfrescoError(400, K.invalid, message),
  /** `InvalidQueryException(param)`: "An invalid WHERE query was received. {0}" (rest-framework-messages). */
  invalidQuery: (param: string) => new AlfrescoError(400, K.invalidQuery, `An invalid WHERE query was received. ${param}`),
  /** `InvalidSelectException(paramName, param)`: "An invalid {1} query was received. {0}". */
  invalidSelect: (paramName: string, param: string) =>
    new AlfrescoError(400, K.invalidSelect, `An invalid ${paramName} query was received. ${param}`),
  /** MapBasedQueryWalker: "The property ''{0}'' with value ''{1}'' isn''t supported for {2} comparison". */
  invalidProperty: (name: string, value: string, clause: string) =>
    new AlfrescoError(400, K.invalidProperty, `The property '${name}' with value '${value}' isn't supported for ${clause} comparison`),
  /** `--validate=strict`: a request outside ACS's spec, as InvalidArgument, with the mock's summary header. */
  invalidRequest: (message: string, headers: Record<string, string>) => new AlfrescoError(400, K.invalid, message, { headers }),
  /**
   * `ConstraintViolatedException(DuplicateChildNodeNameException.getMessage())`: the sentence is the
   * errorKey too (ADF's js-api mock of a real 409 shows `errorKey: 'Duplicate child name not allowed: newFile'`).
   */
  nameClash: (name: string) => {
    const text = `Duplicate child name not allowed: ${name}`
    return new AlfrescoError(409, text, text)
  },
  /** A plain Java IllegalArgumentException: 400, errorKey ApiDefault, no log number. */
  illegalArgument: (message: string) => new AlfrescoError(400, K.apiDefault, message, { numbered: false }),
  constraintViolated: (message: string) => new AlfrescoError(422, K.constraint, message),
  /** UnsupportedResourceOperationException; given a literal sentence, the sentence is the key too. */
  unsupportedOperation: (literal?: string) =>
    literal === undefined ? new AlfrescoError(405, K.unsupported, 'The operation is unsupported') : new AlfrescoError(405, literal, literal),
  unreadableBody: (detail: string) => {
    const text = `Could not read content from HTTP request body: ${detail}`
    return new AlfrescoError(400, text, text)
  },
  payloadTooLarge: (limit: number) =>
    new AlfrescoError(413, K.apiDefault, `The request body exceeds the mock's limit of ${limit} bytes.`, { numbered: false }),
  notImplemented: (method: string, path: string) =>
    new AlfrescoError(
      501,
      'mock.NotImplemented',
      `${method} ${path} is not implemented by alfresco-mock-server. See the README's endpoint matrix.`,
    ),
  /** Real ACS: WebScriptException(401) rendered by the public API runtime. */
  unauthorized: (method: string) =>
    new AlfrescoError(
      401,
      K.apiDefault,
      `Authentication failed for Web Script org/alfresco/api/ResourceWebScript.${method.toLowerCase()}`,
      { headers: { 'WWW-Authenticate': 'Basic realm="Alfresco -default- tenant"' } },
    ),
  /** BasicHttpAuthenticator on a Bearer/other scheme (no Identity Service): a 401 WebScriptException. */
  authorizationNotSupported: (scheme: string) =>
    new AlfrescoError(401, K.apiDefault, `Authorization '${scheme}' not supported.`, {
      headers: { 'WWW-Authenticate': 'Basic realm="Alfresco -default- tenant"' },
    }),
  /** ContentStreamer: a content node without a binary yet (a download before DONE, cancelled, too big). */
  contentNotFound: (nodeId: string) =>
    new AlfrescoError(
      404,
      K.apiDefault,
      `Unable to locate content for node ref workspace://SpacesStore/${nodeId} (property: {http://www.alfresco.org/model/content/1.0}content)`,
    ),
  /** DownloadsImpl.checkIsDownloadNodeType (the literal is the errorKey). */
  notADownload: () => {
    const text = 'Please specify the nodeId of a download node.'
    return new AlfrescoError(400, text, text)
  },
  internal: (message: string) => new AlfrescoError(500, K.apiDefault, message),
  /**
   * A Java runtime exception ACS has no mapping for (DefaultExceptionResolver): 500, ApiDefault, no log
   * number; an empty message (e.g. NoSuchElementException) leaves briefSummary out, as JacksonHelper's
   * NON_EMPTY inclusion does.
   */
  javaRuntime: (message = '') => new AlfrescoError(500, K.apiDefault, message, { numbered: false }),
  apiDefault: (status: number, message: string) => new AlfrescoError(status, K.apiDefault, message),
  /**
   * A scenario's `respond` fault: the error ACS sends with that status where it has one (401
   * exactly as ACS), else ApiDefault with the HTTP reason phrase; the scenario may set key and text.
   */
  injected: (status: number, init: InjectedErrorInit): AlfrescoError => {
    const base: AlfrescoError =
      status === 401
        ? errors.unauthorized(init.method)
        : status === 403
          ? errors.permissionDenied()
          : status === 404
            ? errors.entityNotFound(init.id)
            : status === 405
              ? errors.unsupportedOperation()
              : new AlfrescoError(status, K.apiDefault, init.reason)
    return new AlfrescoError(status, init.errorKey ?? base.errorKey, init.message ?? base.message, {
      headers: { ...base.headers, ...init.headers },
    })
  },
}

export interface InjectedErrorInit {
  /** The request's method (401's text names it) and the id in its path (404's text names it). */
  method: string
  id: string
  /** The HTTP reason phrase, for statuses ACS has no error of its own for. */
  reason: string
  errorKey?: string | undefined
  message?: string | undefined
  headers?: Record<string, string> | undefined
}

/** Anything thrown → an AlfrescoError (HTTP exceptions are duck-typed so this module stays hono-free). */
export function toAlfrescoError(err: unknown): AlfrescoError {
  if (err instanceof AlfrescoError) return err
  if (typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number') {
    const message = err instanceof Error ? err.message : 'Request failed'
    return errors.apiDefault(err.status, message || 'Request failed')
  }
  return errors.internal(err instanceof Error ? err.message : String(err))
}

/** One problem in a fixture or scenario file: the file, the path inside it, and what is wrong. */
export interface FileProblem {
  file: string
  path: string
  message: string
}

/**
 * A fixture or scenario file that cannot be used. The message lists every problem at once,
 * msw-style: `Failed to load fixtures "x.yaml": 2 problems: …`. The CLI exits 2 on it.
 */
export class ConfigFileError extends Error {
  constructor(
    readonly kind: 'fixtures' | 'scenario',
    readonly file: string,
    readonly problems: readonly FileProblem[],
  ) {
    const n = problems.length
    const lines = problems.map((p) => `  - ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`)
    super(
      `Failed to load ${kind} "${file}": ${n} problem${n === 1 ? '' : 's'}:\n${lines.join('\n')}\nPlease fix ${n === 1 ? 'it' : 'them'} and start again.`,
    )
    this.name = 'ConfigFileError'
  }
}
