/** Entry module for the worker's workflow bundle. */
export { caseWorkflow } from './case.workflow.js';
export { assessmentReconciliationWorkflow } from './assessment.workflow.js';
export { reportWorkflow } from './report.workflow.js';
export { analysisWatchWorkflow } from './analysis-watch.workflow.js';
