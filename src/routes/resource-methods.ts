import type { Hono } from 'hono'
import { errors } from '../errors.js'
import type { Env } from '../http/context.js'

/** Which actions an ACS resource implements (EntityResourceAction / RelationshipResourceAction). */
export interface ResourceActions {
  read?: boolean
  readById?: boolean
  create?: boolean
  update?: boolean
  delete?: boolean
}

/**
 * The REST framework's 405s for the methods a resource lacks, on its collection URL and its
 * instance URL (`<collection>/:<idParam>`): ResourceLookupDictionary refuses an action the resource does
 * not implement ("The operation is unsupported"); a PUT to the collection of a resource that can
 * update, or a POST to the instance of one that can create, gets ResourceWebScriptPut/Post's own
 * sentence as errorKey. Register after the resource's real routes.
 */
export function refuseMissingMethods(app: Hono<Env>, collection: string, idParam: string, has: ResourceActions): void {
  const instance = `${collection}/:${idParam}`
  const unsupported = (): never => {
    throw errors.unsupportedOperation()
  }
  const literal = (sentence: string) => (): never => {
    throw errors.invalidLiteral(sentence, 405)
  }
  if (!has.read) app.get(collection, unsupported)
  if (!has.create) app.post(collection, unsupported)
  app.put(collection, has.update ? literal('PUT is executed against the instance URL') : unsupported)
  if (!has.readById) app.get(instance, unsupported)
  app.post(instance, has.create ? literal('POST is executed against a collection URL') : unsupported)
  if (!has.update) app.put(instance, unsupported)
  if (!has.delete) app.delete(instance, unsupported)
}
