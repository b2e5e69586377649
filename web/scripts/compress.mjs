// Writes a gzip copy beside every built file and the list of files (kepu-web/files.txt) the gateway loads at start:
// it sends the .gz to browsers that accept it, so the pages cost their compressed size without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = 'target/classes/kepu-web';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!name.endsWith('.gz')) files.push(path);
  }
})(root);
let scriptsAndStyles = 0;
for (const path of files) {
  const zipped = gzipSync(readFileSync(path), { level: 9 });
  writeFileSync(path + '.gz', zipped);
  if (/\.(js|css)$/.test(path) && !relative(root, path).includes('dashboard')) scriptsAndStyles += zipped.length;
}
writeFileSync(join(root, 'files.txt'), files.map((f) => relative(root, f)).sort().join('\n') + '\n');
console.log(`${files.length} files; the finder's and shared scripts and styles: ${scriptsAndStyles} bytes gzipped`);
