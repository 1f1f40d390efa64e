// Vitest config of the bad-input suite (npm run test:bad-input): one file, a production server
// started by the test itself, no bail (every target runs, so the counts are complete).
import { serverSuiteConfig } from "../support/suite-config.ts";

export default serverSuiteConfig("bad-input");
