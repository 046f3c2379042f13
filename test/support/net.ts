import { once } from 'node:events'
import { createServer } from 'node:net'

/** Whether `port` on 127.0.0.1 can be listened on now: a process that held it has let it go. */
export async function portIsFree(port: number): Promise<boolean> {
  const server = createServer()
  try {
    server.listen(port, '127.0.0.1')
    await once(server, 'listening')
    return true
  } catch {
    return false
  } finally {
    server.close()
  }
}
