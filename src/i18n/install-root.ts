// Where the app is installed, for the files it reads beside its code (locales/, public/).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The folder the app is installed in (package.json, locales/, public/, node_modules/), found by walking up from this
 * module: it sits in src/i18n/ under tsx, and in one of dist/'s bundled files in production.
 */
export const INSTALL_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, "package.json")) && existsSync(join(dir, "locales")))) {
    const up = dirname(dir);
    if (up === dir)
      throw new Error(
        `cannot find the app's folder (package.json and locales/) above ${fileURLToPath(import.meta.url)}`,
      );
    dir = up;
  }
  return dir;
})();

export const LOCALES_DIR = pathToFileURL(join(INSTALL_ROOT, "locales/"));
