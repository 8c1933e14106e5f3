// One ESLint config for the whole repository (flat config): Next.js' rules for the app,
// typescript-eslint for all TypeScript, and import boundaries for the app and for the layers
// of fauna-emulator/src (see README, "Layout").
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

const EMULATOR = "fauna-emulator/**";

/** Next's configs apply to the app, not to the emulator (a plain Node package). */
const forApp = (configs) =>
  configs.map((c) =>
    Object.keys(c).length === 1 && c.ignores ? c : { ...c, ignores: [...(c.ignores ?? []), EMULATOR] },
  );

/**
 * The emulator's layers (folders of fauna-emulator/src), from the floor up: each imports only
 * the layers it lists. `wire` sees the engine only through its interface, `engine/types.ts`.
 * The files at the top of src/ (the package's face, the CLI) wire everything together.
 */
const LAYERS = {
  core: [],
  fql: ["core"],
  fsl: ["core"],
  store: ["core"],
  db: ["fql", "fsl", "store", "core"],
  engine: ["db", "fql", "fsl", "store", "core"],
  wire: ["engine-api", "core"],
};

export default defineConfig([
  globalIgnores([
    ".next/**",
    "next-env.d.ts",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".fauna-data/**",
    "fauna-emulator/scratch/**",
  ]),

  ...forApp(nextVitals),
  ...forApp(nextTs),
  {
    files: ["fauna-emulator/**/*.ts"],
    extends: [tseslint.configs.recommended],
  },
  {
    // `_name` marks a parameter or binding kept on purpose (a callback's shape, a skipped item).
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },

  // ---- the app ---------------------------------------------------------------------------
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["**/*.test.ts", "**/test-support.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/fauna-emulator/src/**", "fauna-emulator/src/**"],
              message: "The app talks to Fauna over HTTP only; the emulator is for tests and scripts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/fauna", "@/lib/fauna/*", "**/lib/fauna", "**/lib/fauna/*"],
              allowTypeImports: true,
              message: "Components get their data as props; only lib/fauna talks to Fauna (types are fine).",
            },
            {
              group: ["**/fauna-emulator/src/**", "fauna-emulator/src/**"],
              message: "The app talks to Fauna over HTTP only; the emulator is for tests and scripts.",
            },
          ],
        },
      ],
    },
  },

  // ---- the emulator's layers ---------------------------------------------------------------
  {
    files: ["fauna-emulator/src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { project: "fauna-emulator/tsconfig.json" } },
      "boundaries/include": ["fauna-emulator/src/**/*.ts"],
      "boundaries/elements": [
        ...["core", "fql", "fsl", "store", "db", "engine", "wire"].map((layer) => ({
          type: layer,
          pattern: `fauna-emulator/src/${layer}/**`,
          partialMatch: false,
        })),
      ],
      "boundaries/files": [{ category: "engine-api", pattern: "fauna-emulator/src/engine/types.ts" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message:
            "{{from.element.type}} must not import {{to.element.type}}: layers import only downwards (README, Layout)",
          policies: Object.entries(LAYERS).map(([from, below]) => ({
            from: { element: { type: from } },
            allow: [
              { to: { element: { types: { anyOf: [from, ...below.filter((l) => l !== "engine-api")] } } } },
              ...(below.includes("engine-api")
                ? [{ to: { element: { type: "engine" }, file: { categories: "engine-api" } } }]
                : []),
            ],
          })),
        },
      ],
    },
  },
  {
    // Unit tests beside the code may use the shared test helpers in fauna-emulator/test/support.
    files: ["fauna-emulator/src/**/*.test.ts"],
    settings: { "boundaries/include": ["fauna-emulator/src/**/*.ts", "fauna-emulator/test/**/*.ts"] },
    rules: { "boundaries/dependencies": "off" },
  },
]);
