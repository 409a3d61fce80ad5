// Lint gate: `npm run lint` (zero warnings). Kept in .config/ so the top level stays as the project layout fixes it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const restrictDexie = {
  name: "dexie",
  message: "Only src/db may import dexie (GUIDE practice 1).",
};
const restrictReact = { name: "react", message: "src/core is pure: no React." };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".config/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            restrictDexie,
            restrictReact,
            { name: "i18next", message: "core returns {code, params}, never sentences." },
          ],
          patterns: [
            {
              group: ["**/db/**", "**/ui/**", "**/i18n/**", "**/cli/**"],
              message: "core imports only core.",
            },
            { group: ["node:*"], message: "core runs in the browser too: no Node built-ins." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/i18n/**/*.ts", "src/cli/**/*.ts", "src/main.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [restrictDexie],
          patterns: [{ group: ["dexie/*"], message: restrictDexie.message }],
        },
      ],
    },
  },
  {
    files: ["src/db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/ui/**", "**/cli/**"], message: "db imports only core." }] },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/ui/**", "**/db/**"], message: "cli imports only core." }] },
      ],
      "no-console": "off",
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    rules: { "no-console": "off" },
  },
);
