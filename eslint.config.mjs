import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      // Only lib/livekit may import the LiveKit server SDK.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "livekit-server-sdk", message: "Use lib/livekit/* instead." },
            { name: "@livekit/protocol", message: "Use lib/livekit/* instead." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/livekit/**", "e2e/**", "bench/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
