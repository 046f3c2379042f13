// Lint: typed rules for promise safety, plus the project's two architectural rules —
// one-way layers (DESIGN.md) and "only src/clock.ts reads time or sets timers".
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const noHono = { group: ['hono', 'hono/*', '@hono/*'], message: 'Only the HTTP layers import hono.' }
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/bench/**/*.mjs', '.vitest-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/clock.ts'],
    rules: {
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'setImmediate'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read time from the Clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read time from the Clock.' },
      ],
    },
  },
  layer(['src/clock.ts', 'src/ids.ts', 'src/errors.ts', 'src/safe-parse.ts'], [noHono, { group: ['./rest/*', './store/*', './downloads/*', './fixtures/*', './scenarios/*', './http/*', './routes/*', './app', './mock', './server', './cli'], message: 'clock, ids, errors and the parse guard depend on nothing.' }]),
  layer(['src/rest/**'], [noHono, { group: ['**/store/*', '**/downloads/*', '**/fixtures/*', '**/scenarios/*', '**/validate/*', '**/http/*', '**/routes/*', '**/app', '**/mock', '**/server', '**/cli', '**/options', '**/log'], message: 'rest (the REST framework\'s shared parameter rules) depends on clock, ids and errors only.' }]),
  layer(['src/store/**'], [noHono, { group: ['../rest/*', '../downloads/*', '../fixtures/*', '../scenarios/*', '../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'store sits below everything but clock, ids and errors.' }]),
  layer(['src/model/**'], [noHono, { group: ['../nodes/*', '../downloads/*', '../fixtures/*', '../scenarios/*', '../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'The content model sits on store: below node operations, fixtures and HTTP.' }]),
  layer(['src/nodes/**'], [noHono, { group: ['../downloads/*', '../fixtures/*', '../scenarios/*', '../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'Node operations sit on store and model: below fixtures and HTTP.' }]),
  layer(['src/downloads/**'], [noHono, { group: ['../fixtures/*', '../scenarios/*', '../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'downloads sits below fixtures, scenarios and HTTP.' }]),
  layer(['src/versions/**', 'src/trashcan/**', 'src/tags/**', 'src/comments/**', 'src/categories/**', 'src/ratings/**'], [noHono, { group: ['../downloads/*', '../fixtures/*', '../scenarios/*', '../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'The domain folders of versions, the trashcan, tags, comments, categories and ratings sit on store, below fixtures and HTTP.' }]),
  layer(['src/fixtures/**', 'src/scenarios/**'], [noHono, { group: ['../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'fixtures and scenarios never see HTTP.' }]),
  layer(['src/validate/**'], [noHono, { group: ['../http/*', '../routes/*', '../app', '../mock', '../server', '../cli'], message: 'The request validator is plain data and ajv; its middleware lives in src/http/validate.ts.' }]),
  layer(['src/http/**'], [{ group: ['../routes/*', '../app', '../mock', '../server', '../cli'], message: 'http sits below routes.' }]),
  layer(['src/routes/**'], [{ group: ['../app', '../mock', '../server', '../cli'], message: 'routes sit below app.' }]),
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
)
