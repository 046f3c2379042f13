import type { IdSource } from '../ids.js'
import type { MockUser, Ticket } from './types.js'

/** ACS's default: tickets expire after one hour without use (authentication.ticket.validDuration=PT1H). */
export const DEFAULT_TICKET_LIFETIME_MS = 60 * 60 * 1000

/** Users and tickets, with ACS's "one ticket per user, expiring after inactivity" rules. */
export class AuthStore {
  readonly users = new Map<string, MockUser>()
  readonly #tickets = new Map<string, Ticket>()
  ticketLifetimeMs = DEFAULT_TICKET_LIFETIME_MS

  constructor(readonly ids: IdSource) {}

  clear(): void {
    this.users.clear()
    this.#tickets.clear()
  }

  addUser(user: MockUser): void {
    this.users.set(user.id, user)
  }

  /** The user if the password matches (ACS user ids are case-insensitive; we compare exactly). */
  checkPassword(userId: string, password: string): MockUser | undefined {
    const user = this.users.get(userId)
    return user && user.enabled && user.password === password ? user : undefined
  }

  /** A valid ticket is reused for the same user (useSingleTicketPerUser=true), else a new one. */
  issue(userId: string, now: number): Ticket {
    for (const t of this.#tickets.values()) {
      if (t.userId === userId && this.#alive(t, now)) {
        t.lastUsedAt = now
        return t
      }
    }
    const ticket: Ticket = { id: this.ids.ticket(), userId, lastUsedAt: now }
    this.#tickets.set(ticket.id, ticket)
    return ticket
  }

  /** Adds a pre-issued ticket (fixtures), valid from `now`. */
  addTicket(id: string, userId: string, now: number): void {
    this.#tickets.set(id, { id, userId, lastUsedAt: now })
  }

  /** The live ticket, touched (expiry counts from the last use), or undefined. */
  validate(id: string, now: number): Ticket | undefined {
    const t = this.#tickets.get(id)
    if (!t) return undefined
    if (!this.#alive(t, now)) {
      this.#tickets.delete(id)
      return undefined
    }
    t.lastUsedAt = now
    return t
  }

  invalidate(id: string): boolean {
    return this.#tickets.delete(id)
  }

  /** Expires a ticket at once (scenarios: "ticket-expires"). */
  expire(id: string): void {
    const t = this.#tickets.get(id)
    if (t) t.lastUsedAt = -Infinity
  }

  tickets(): Ticket[] {
    return [...this.#tickets.values()]
  }

  #alive(t: Ticket, now: number): boolean {
    return this.ticketLifetimeMs <= 0 || now - t.lastUsedAt < this.ticketLifetimeMs
  }
}
