/**
 * A real S3-speaking server for the attachment store's tests: gofakes3 with its in-memory backend
 * (test/s3-server/main.go), built by `npm run tools:install` into the tools folder and started here as a child
 * process on a port the system picks. Its standard input is a pipe: when this process goes, the server goes too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ensureLocalTool, findLocalTool } from '../../runtime/tools.js';
import { S3_TEST_SERVER } from '../../platform/versions.js';

export interface S3TestServer {
  endpoint: string;
  stop(): Promise<void>;
}

const toolsDir = () => process.env.HOTLINE_TOOLS_DIR ?? '.tools';

/**
 * The server's binary: built already, or built now when Go is here (about a minute, once). Null with the reason when
 * neither: the caller fails in CI and says so elsewhere.
 */
export async function s3ServerBinary(): Promise<{ path: string } | { missing: string }> {
  const found = await findLocalTool(toolsDir(), S3_TEST_SERVER);
  if (found) return { path: found };
  try {
    return { path: await ensureLocalTool(toolsDir(), S3_TEST_SERVER) };
  } catch (err) {
    return { missing: `${S3_TEST_SERVER.title} is not built and cannot be built here (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); run \`npm run tools:install\`` };
  }
}

export async function startS3Server(binary: string): Promise<S3TestServer> {
  const child: ChildProcess = spawn(binary, ['0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const lines = createInterface({ input: child.stdout! });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the S3 test server did not say where it listens within 10 s: ${stderr}`)), 10_000);
    lines.on('line', (line) => {
      const m = /^listening on (\S+)$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the S3 test server exited (${code}) before listening: ${stderr}`));
    });
  });
  return {
    endpoint: `http://${address}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
