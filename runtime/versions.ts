/** Pinned versions of the tools the project builds from the Go module proxy. One place. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
/** Later tags refuse `go install`; v1.5.1 embeds Temporal Server 1.29.1 and UI 2.42.1. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
