import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // Every update and delete names the rows it touches.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // One date-time format: pages and components write dates through lib/i18n/date-format.ts.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='dateTime'][callee.object.name='format']",
          message: "Write dates with lib/i18n/date-format.ts (dateFormat(locale) / useDateFormat()), the one date-time format.",
        },
      ],
    },
  },
  {
    // Tests may call db() to get their handle; the rule's object name is "db".
    files: ["**/*.test.ts"],
    rules: { "drizzle/enforce-delete-with-where": "off", "drizzle/enforce-update-with-where": "off" },
  },
  {
    // Public pages read the database only through lib/public, which decides what is published.
    files: ["app/(public)/**", "app/page.tsx", "app/inbaddning/**", "app/sitemap.ts", "components/public/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/schema*", "@/db/client", "@/lib/*/*", "!@/lib/public/*", "!@/lib/auth/*", "!@/lib/i18n/*", "!@/lib/validation/*", "!@/lib/domain/*", "!@/lib/citations/*", "!@/lib/settings"],
              allowTypeImports: true,
              message: "Public pages read through lib/public (the one place that decides what is published).",
            },
          ],
        },
      ],
    },
  },
  {
    // Next reads its config as CommonJS (the package has no "type": "module").
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
