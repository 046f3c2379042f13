/**
 * Small fixtures for the fuzz runs: the default set's shape (users, a home, a shared folder, a
 * private one, nested folders) without its 50 MiB and 3 GiB files, so that no fuzzed download
 * spends seconds zipping.
 */
export const FUZZ_FIXTURES = {
  users: [
    { id: 'admin', password: 'admin', admin: true },
    { id: 'alice', password: 'alice' },
    { id: 'bob', password: 'bob' },
    { id: 'gone', password: 'gone', enabled: false },
  ],
  root: { homeOf: ['admin'] },
  nodes: [
    {
      name: 'Shared',
      alias: '-shared-',
      writers: ['GROUP_EVERYONE'],
      children: [
        { name: 'a.txt', content: 'alpha\n' },
        { name: 'b.bin', size: '2MiB' },
        { name: 'versioned.txt', content: 'v1', aspects: ['cm:versionable'], properties: { 'cm:versionLabel': '1.0' } },
        { name: 'Nested', children: [{ name: 'Deeper', children: [{ name: 'c.md', content: '# c' }] }, { name: 'Empty', children: [] }] },
        { name: 'Private', readers: ['admin'], writers: [], children: [{ name: 'secret.txt', content: 'secret' }] },
      ],
    },
    { name: 'User Homes', children: [{ name: 'alice', homeOf: ['alice'], children: [] }, { name: 'bob', homeOf: ['bob'], children: [] }] },
  ],
}
