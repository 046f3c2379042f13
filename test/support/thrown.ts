import { AlfrescoError } from '../../src/errors.js'

/** What an AlfrescoError thrown by `f` carries (fails the test if `f` does not throw one). */
export function thrown(f: () => unknown): { key: string; message: string; status: number } {
  try {
    f()
  } catch (e) {
    if (e instanceof AlfrescoError) return { key: e.errorKey, message: e.message, status: e.statusCode }
    throw e
  }
  throw new Error('expected an AlfrescoError')
}
