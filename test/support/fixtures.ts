/** The demo complaint the tests open: one definition, in bench/fixtures.ts (test/ imports bench/, never the reverse). */
export { demoComplaint } from '../../bench/fixtures.js';
