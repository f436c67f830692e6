// Checks what the .vsix ships: the bundles and contributions, no node_modules, under 25 MB (of which about
// 18 MB is the kuromoji dictionary of the 公用文 rules' morphological tier, read only when such a rule is on).
import { readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const path = process.argv[2] ?? 'guideline-tools.vsix';
const MAX_BYTES = 25 * 1024 * 1024;
const buffer = readFileSync(path);

// Read the zip central directory (the .vsix is a zip) without extra dependencies.
function entries(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${path}: not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    out.push({
      name,
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function read(zip, entry) {
  const nameLength = zip.readUInt16LE(entry.localOffset + 26);
  const extraLength = zip.readUInt16LE(entry.localOffset + 28);
  const start = entry.localOffset + 30 + nameLength + extraLength;
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(data) : data;
}

const files = entries(buffer);
const names = files.map((f) => f.name);
const problems = [];
const size = statSync(path).size;
if (size > MAX_BYTES) problems.push(`size ${size} bytes exceeds ${MAX_BYTES}`);
if (names.some((n) => n.includes('node_modules/'))) problems.push('contains node_modules');
for (const required of [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/cli.js',
  'extension/dist/server.js',
  'extension/dist/commands.js',
  'extension/package.nls.ja.json',
  'extension/readme.md',
  'extension/schemas/guideline.config.schema.json',
  'extension/syntaxes/guideline.injection.tmLanguage.json',
  'extension/snippets/reibun.code-snippets',
  'extension/l10n/bundle.l10n.ja.json',
  'extension/dist/dict/base.dat.gz',
  // The lazily loaded libraries (scripts/build.mjs LAZY_LIBRARIES and SYNC_LAZY_LIBRARIES): a command
  // needing one fails without it.
  ...['unpdf', 'docx', 'fflate', 'iconv-lite', 'kuromoji', 'yaml', 'regexpp'].map(
    (name) => `extension/dist/lazy/${name}.js`,
  ),
]) {
  if (!names.includes(required)) problems.push(`missing ${required}`);
}
const scripts = names.filter((n) => n.endsWith('.js'));
// The extension, the entry, its two programs and the seven lazy libraries: never a node_modules tree.
if (scripts.length > 11) problems.push(`${scripts.length} .js files (at most 11): ${scripts.join(', ')}`);
const manifest = JSON.parse(
  read(
    buffer,
    files.find((f) => f.name === 'extension/package.json'),
  ).toString('utf8'),
);
if (manifest.main !== './dist/extension.js') problems.push(`main is ${manifest.main}`);

console.log(`${path}: ${size} bytes, ${names.length} entries`);
for (const name of names) console.log(`  ${name}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`vsix check: ${problem}`);
  process.exit(1);
}
console.log('vsix check: ok');
