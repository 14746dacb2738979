// ESLint for the pages' JavaScript (render/web/src, browser ES modules) and these config files (node).
// `npm run lint`; .ci/js runs it. Lines as long as ruff allows the Python (110).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv*/", "render/web/assets/", "build/", "dist/", "output/"] },
  js.configs.recommended,
  {
    files: ["render/web/src/**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      "max-len": ["error", { code: 110, ignoreUrls: true }],
      "no-unused-vars": ["error", { args: "after-used" }],
      eqeqeq: "error",
      "prefer-const": "error",
    },
  },
];
