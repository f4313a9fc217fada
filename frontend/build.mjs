// Builds the front-end assets into build/static: compiled CSS on the Suomi.fi tokens, the font files, htmx and
// Chart.js. Everything comes from node_modules so nothing is fetched at run time.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "static");
const modules = join(root, "node_modules");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });
mkdirSync(join(out, "fonts"), { recursive: true });

const css = sass.compile(join(root, "frontend", "scss", "main.scss"), {
  loadPaths: [join(modules, "suomifi-design-tokens", "dist")],
  style: "compressed",
});
writeFileSync(join(out, "css", "main.css"), css.css);

const fontDir = join(modules, "@fontsource", "source-sans-3", "files");
for (const file of readdirSync(fontDir)) {
  if (/^source-sans-3-latin(-ext)?-(400|600|700)-normal\.woff2$/.test(file)) {
    cpSync(join(fontDir, file), join(out, "fonts", file));
  }
}
cpSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "js", "htmx.min.js"));
// The source map goes along: the script names it, and collectstatic's manifest refuses a missing reference.
for (const file of ["chart.umd.min.js", "chart.umd.min.js.map"]) {
  cpSync(join(modules, "chart.js", "dist", file), join(out, "js", file));
}
console.log(`built front-end assets into ${out}`);
