/**
 * Pinned versions of everything the project builds from the Go module proxy. One place: runtime/tools.ts builds
 * from here; platform/shared-topology.ts derives docker-compose.yml's image tags from here, with the other facts
 * both topologies share.
 */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
/** Later tags refuse `go install`; v1.5.1 embeds Temporal Server 1.29.1 and UI 2.42.1. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/** Temporal Server, the same version the CLI's dev server embeds and docker-compose.yml runs. */
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

/** The Web UI server, the same version the CLI embeds and docker-compose.yml runs. */
export const TEMPORAL_UI_SERVER_MODULE = 'github.com/temporalio/ui-server/v2';
export const TEMPORAL_UI_SERVER_VERSION = 'v2.42.1';

/** A Go program the project builds once into `<tools dir>/<name>/bin` (GOBIN per tool: two of them are `server`). */
export interface GoTool {
  /** Folder name under the tools folder, and the name progress lines use. */
  name: string;
  /** What it is, for people reading progress lines. */
  title: string;
  /** The package `go install` builds. */
  pkg: string;
  version: string;
  /** The file name `go install` gives it (the last element of the package path). */
  binary: string;
  /** Rough build time on 2 cores, for the progress line. */
  minutes: string;
}

export const GO_TOOLS = {
  cli: {
    name: 'temporal',
    title: 'Temporal CLI',
    pkg: TEMPORAL_CLI_MODULE,
    version: TEMPORAL_CLI_VERSION,
    binary: 'temporal',
    minutes: '3–4',
  },
  server: {
    name: 'temporal-server',
    title: 'Temporal Server',
    pkg: `${TEMPORAL_SERVER_MODULE}/cmd/server`,
    version: TEMPORAL_SERVER_VERSION,
    binary: 'server',
    minutes: '2–3',
  },
  sqlTool: {
    name: 'temporal-sql-tool',
    title: 'temporal-sql-tool',
    pkg: `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql`,
    version: TEMPORAL_SERVER_VERSION,
    binary: 'sql',
    minutes: '1–2',
  },
  uiServer: {
    name: 'temporal-ui-server',
    title: 'Temporal Web UI server',
    pkg: `${TEMPORAL_UI_SERVER_MODULE}/cmd/server`,
    version: TEMPORAL_UI_SERVER_VERSION,
    binary: 'server',
    minutes: '1–2',
  },
} as const satisfies Record<string, GoTool>;

/** The tools the production topology needs, in the order `tools:install production` builds them. */
export const PRODUCTION_TOOLS = [GO_TOOLS.cli, GO_TOOLS.server, GO_TOOLS.sqlTool, GO_TOOLS.uiServer] as const;

/**
 * A Go program of this repository (its own module, in `source`), built once into `<tools dir>/<name>/bin`; a change
 * of its source files rebuilds it. The modules it needs are pinned in its go.mod and go.sum.
 */
export interface LocalGoTool {
  name: string;
  title: string;
  /** The folder of its main package and go.mod, relative to the repository root. */
  source: string;
  binary: string;
  minutes: string;
}

/** gofakes3 (in-memory backend): the S3-speaking server test/attachments.s3.test.ts runs the attachment store against. */
export const GOFAKES3_VERSION = 'v1.2.0';
export const S3_TEST_SERVER: LocalGoTool = { name: 's3-server', title: `S3 test server (gofakes3 ${GOFAKES3_VERSION})`, source: 'test/s3-server', binary: 's3-server', minutes: '1–3' };

