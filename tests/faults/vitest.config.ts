// Vitest config of the fault suite (npm run test:faults): a production server, PostgreSQL and the
// simulator started and broken by the tests themselves, one file at a time.
import { serverSuiteConfig } from "../support/suite-config.ts";

export default serverSuiteConfig("faults");
