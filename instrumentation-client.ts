// Runs in the browser before the app's code, on every page (Next.js instrumentation-client).
import { config } from "zod/v4/core";

// The Content-Security-Policy forbids eval (lib/security/headers.ts). zod would otherwise probe
// for it with `new Function` the first time a form parses its input, which the browser reports
// as a policy violation even though zod then works without it; so parse without compiling.
config({ jitless: true });
