// Runs admin/heritage-yaml.js in Node for tests/test_cms_roundtrip.py, on the files the
// editor would write. Reads JSON [{path, old, data?}] on stdin; for each file makes the text
// Decap would save (its own YAML library, yaml@1, as its `yml` and `frontmatter` formats do:
// the file's data, or `data` when given, written anew) and writes back JSON
// [{raw, merged}] with the text the editor's save writes after merging.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(path.join(root, "package.json"));
const decapYaml = require("yaml"); // yaml@1, the one Decap's formats are built on
const YAML = await import(pathToFileURL(path.join(root, "node_modules/yaml-2/browser/dist/index.js")));
// heritage-yaml.js is a browser module in a folder Node reads as CommonJS: load it as a module
const source = readFileSync(path.join(root, "admin/heritage-yaml.js"), "utf8");
const merge = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));

const FRONT = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*\r?\n/;

/** Decap's `yml` format: yaml@1 createNode + Document.toString (formats/yaml.ts). */
function decapYml(data) {
  const doc = new decapYaml.Document();
  doc.contents = decapYaml.createNode(data);
  return doc.toString();
}

function decapText(file) {
  if (file.path.endsWith(".md")) {
    const found = FRONT.exec(file.old);
    const front = found ? decapYaml.parse(found[1] || "") || {} : {};
    const body = found ? file.old.slice(found[0].length) : file.old;
    return "---\n" + decapYml(file.data ?? front) + "---\n" + (file.body ?? body);
  }
  return decapYml(file.data ?? decapYaml.parse(file.old));
}

const files = JSON.parse(readFileSync(0, "utf8"));
const out = files.map((file) => {
  const raw = decapText(file);
  return { raw, merged: merge.mergeFile(YAML, file.path, file.old, raw) };
});
process.stdout.write(JSON.stringify(out));
