import type { z as Z } from 'zod'
import { requireZod } from '../fixtures/lazy.js'
import { FAULT_KINDS, HTTP_METHODS, STEP_STATUSES } from './types.js'

/**
 * The scenario file format, as written (YAML or JSON). This schema is the truth: it validates
 * files and is published as scenarios/scenario.schema.json for editors. It has no transforms, so
 * the JSON Schema says exactly what a file may contain; load.ts then checks what a schema cannot
 * (durations, step order, known routes) and normalises.
 */

/** Built on first use: zod costs tens of milliseconds of start-up, and packaged scenarios are only
 * parsed when a scenario is asked for. */
function build(z: typeof Z) {
  /** `250ms`, `2s`, `5m`, `1h`, or a number of milliseconds. */
  const DURATION_HINT = 'Please use milliseconds or a number with ms, s, m, h or d, such as "2s".'
  const notADuration = (issue: { input?: unknown }): string => `${JSON.stringify(issue.input)} is not a duration. ${DURATION_HINT}`
  const duration = z
    .union(
      [
        z.number().nonnegative({ error: notADuration }),
        // The unit group holds its own \s*, so the two runs of spaces never compete (linear on any input).
        z.string().regex(/^\s*(?:\d+(?:\.\d+)?|\.\d+)(?:\s*(?:ms|s|m|min|h|d))?\s*$/, { error: notADuration }),
      ],
      { error: notADuration },
    )
    .describe('A duration: milliseconds, or a number with ms, s, m, h or d, such as "2s".')

  const count = z.int().positive()

  const step = z
    .strictObject({
      status: z.enum(STEP_STATUSES).describe('What the download reports; `deleted` answers 404 from then on.'),
      progress: z.number().min(0).max(1).optional().describe('IN_PROGRESS only: fraction of bytes added, 0–1.'),
      polls: count.optional().describe('The step lasts this many status reads.'),
      for: duration.optional().describe("The step lasts this long on the mock's clock."),
    })
    .describe('A step lasts `polls` status reads or `for` a time; the last step holds for ever.')

  const downloadRule = z.strictObject({
    match: z
      .strictObject({
        nth: count.optional().describe('The nth download created under this scenario (1-based).'),
        nodeIds: z.array(z.string().min(1)).min(1).optional().describe('Downloads asking for any of these nodes.'),
      })
      .describe('Which downloads follow these steps; `{}` matches every download.'),
    steps: z.array(step).min(1),
  })

  const requestMatch = z
    .strictObject({
      method: z.enum(HTTP_METHODS).optional(),
      path: z
        .string()
        .regex(/^\//, 'must start with /, such as /downloads/{id}')
        .optional()
        .describe('Relative to the API base, e.g. /downloads/{id}; `{x}` matches one path segment.'),
      user: z.string().min(1).optional().describe('The authenticated user id.'),
      header: z.record(z.string(), z.string()).optional().describe('Headers that must be present with these values.'),
    })
    .describe('Which requests the rule counts; every given criterion must hold.')

  const respond = z.strictObject({
    status: z.int().min(400).max(599),
    errorKey: z.string().min(1).optional(),
    message: z.string().min(1).optional().describe("briefSummary's text (ACS's log number is put in front)."),
    body: z.unknown().optional().describe('Sent as it is (objects as JSON) instead of an ACS error body.'),
    headers: z.record(z.string(), z.string()).optional(),
    retryAfter: z.int().nonnegative().optional().describe('Retry-After in seconds (429 sends 1 unless set).'),
    delay: duration.optional().describe("Wait this long on the mock's clock before answering."),
  })

  const faultObject = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('connection-reset') }),
    z.strictObject({ type: z.literal('empty-response') }),
    z.strictObject({
      type: z.literal('truncate'),
      bytes: z.int().nonnegative().optional().describe('Send only this many bytes of the body.'),
      fraction: z.number().min(0).max(1).optional().describe('Send only this fraction of the body (default 0.5).'),
    }),
    z.strictObject({ type: z.literal('corrupt-zip') }),
    z.strictObject({ type: z.literal('delay'), duration: duration.describe('How long, on the mock clock.') }),
    z.strictObject({
      type: z.literal('dribble'),
      chunk: z.int().positive().optional().describe('Bytes per chunk (default 1024).'),
      every: duration.optional().describe('Time between chunks on the mock clock (default 100ms).'),
    }),
  ])

  const faultRule = z.strictObject({
    match: requestMatch,
    on: z.array(count).min(1).optional().describe('Fire on these matches only (1-based).'),
    times: count.optional().describe('Fire on the first N matches (after `after`, if given).'),
    after: z.int().nonnegative().optional().describe('Let the first N matches through, then fire.'),
    probability: z.number().min(0).max(1).optional().describe('Fire on each match with this probability.'),
    seed: z.int().optional().describe('Seed of the probability draws (default 1): the same seed, the same hits.'),
    respond: respond.optional().describe('Answer with an error (an ACS error body unless `body` is given).'),
    fault: z
      .union([z.enum(FAULT_KINDS), faultObject], {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not a fault. Please use one of ${FAULT_KINDS.join(', ')}, or an object with \`type\`.`,
      })
      .optional()
      .describe('A transport fault: a name, or an object with `type` and its settings.'),
  })

  const auth = z.strictObject({ ticketLifetime: duration.optional().describe('Ticket lifetime after inactivity.') })

  const scenarioFileSchema = z
    .strictObject({
      $schema: z.string().optional(),
      name: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" and "-", starting with a letter or digit')
        .optional()
        .describe('Used by X-Mock-Scenario and the journal; defaults to the file name.'),
      description: z.string().min(1).optional(),
      downloads: z.array(downloadRule).optional().describe('Per-download progression scripts; the first match wins.'),
      faults: z.array(faultRule).optional().describe('Fault rules; each counts its matches, the first that fires wins.'),
      auth: auth.optional(),
    })
    .describe('An alfresco-mock-server scenario.')
  const objects = [scenarioFileSchema, auth, downloadRule, downloadRule.shape.match, step, faultRule, requestMatch, respond, ...faultObject.options]
  /** Every key the format knows, for "did you mean" hints on unknown keys. */
  const knownKeys: readonly string[] = [...new Set(objects.flatMap((o) => Object.keys(o.shape)))]
  return { scenarioFileSchema, faultRule, knownKeys }
}

let built: ReturnType<typeof build> | undefined
export function scenarioSchemas(): ReturnType<typeof build> {
  return (built ??= build(requireZod().z))
}

type Schemas = ReturnType<typeof build>
export type ScenarioFile = Z.infer<Schemas['scenarioFileSchema']>
export type FaultRuleFile = Z.infer<Schemas['faultRule']>

/** The JSON Schema published as scenarios/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...requireZod().z.toJSONSchema(scenarioSchemas().scenarioFileSchema, { io: 'input', target: 'draft-7' }),
    title: 'alfresco-mock-server scenario',
  }
}
