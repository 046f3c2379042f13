import { readFileSync } from 'node:fs'

/** One file of a README example: `<!-- example: NAME/FILE -->` right before a fenced block. */
export interface ExampleFile {
  example: string
  file: string
  code: string
}

const MARKED_BLOCK = /<!-- example: ([\w-]+)\/([\w./-]+) -->\s*\n```[\w-]*\n([\s\S]*?)\n```/g

/** Every marked block of the README, grouped by example name, in order. */
export function readmeExamples(readmePath: string): Map<string, ExampleFile[]> {
  const text = readFileSync(readmePath, 'utf8')
  const examples = new Map<string, ExampleFile[]>()
  for (const [, example, file, code] of text.matchAll(MARKED_BLOCK)) {
    const files = examples.get(example!) ?? []
    files.push({ example: example!, file: file!, code: `${code!}\n` })
    examples.set(example!, files)
  }
  return examples
}
