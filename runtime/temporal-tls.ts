/**
 * Mutual TLS for the production Temporal topology: a private CA made on this machine (openssl), a server
 * certificate for the frontend (its gRPC and HTTP ports) and one for the internal traffic between the server's
 * services (history, matching, worker; also presented as their client certificate), and one client certificate per
 * component that may talk to the frontend: the API, the worker, the Web UI server, Temporal's own system worker and
 * `admin` (the start script's namespace set-up, an operator's CLI). The frontend and every internal port refuse a
 * connection without a certificate from this CA.
 *
 * Made once into a folder and reused while every certificate has more than 30 days left; otherwise made anew (a
 * new CA too: every process of the topology is restarted with the new files anyway). Keys are 0600.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TLSConfig } from '@temporalio/client';

const run = promisify(execFile);

/** The name in the server certificates (and what clients check): the frontend and the internal services. */
export const TEMPORAL_TLS_SERVER_NAME = 'temporal.hotline.internal';

/** Who holds a client certificate. */
export const TLS_CLIENTS = ['api', 'worker', 'ui', 'admin', 'system-worker'] as const;
export type TlsClient = (typeof TLS_CLIENTS)[number];

export interface CertFiles {
  cert: string;
  key: string;
}

/** The files of a topology's TLS (paths). */
export interface TemporalTlsFiles {
  dir: string;
  /** The CA certificate every party trusts (its key stays in `dir`, used only to make these). */
  ca: string;
  frontend: CertFiles;
  internode: CertFiles;
  clients: Record<TlsClient, CertFiles>;
  serverName: string;
}

/** What a client needs to connect: the CA, its own certificate and key (PEM), and the name the server proves. */
export interface ClientTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  serverName?: string | undefined;
}

/** Days a certificate made here is valid; re-made when fewer than RENEW_DAYS are left. */
const VALID_DAYS = 825;
const RENEW_DAYS = 30;

export function tlsFilesIn(dir: string): TemporalTlsFiles {
  const pair = (name: string): CertFiles => ({ cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) });
  return {
    dir,
    ca: path.join(dir, 'ca.pem'),
    frontend: pair('frontend'),
    internode: pair('internode'),
    clients: Object.fromEntries(TLS_CLIENTS.map((c) => [c, pair(`client-${c}`)])) as Record<TlsClient, CertFiles>,
    serverName: TEMPORAL_TLS_SERVER_NAME,
  };
}

async function validLongEnough(file: string): Promise<boolean> {
  try {
    const cert = new X509Certificate(await readFile(file));
    return Date.parse(cert.validTo) - Date.now() > RENEW_DAYS * 86_400_000;
  } catch {
    return false;
  }
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('openssl is needed to make the Temporal TLS certificates (apt-get install openssl)');
    throw new Error(`openssl ${args[0]} failed: ${(e.stderr || e.message).slice(-1000)}`);
  }
}

/** The CA (kept) and the certificates of the topology, made if missing or about to expire. */
export async function ensureTemporalTls(dir: string, log: (line: string) => void = () => {}): Promise<TemporalTlsFiles> {
  const files = tlsFilesIn(dir);
  const all = [files.ca, files.frontend.cert, files.internode.cert, ...TLS_CLIENTS.map((c) => files.clients[c].cert)];
  if ((await Promise.all(all.map(validLongEnough))).every(Boolean)) return files;

  log(`Temporal TLS: making a CA and certificates for the frontend, the internal services and ${TLS_CLIENTS.join(', ')} in ${dir}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', String(VALID_DAYS + 365), '-subj', '/O=hotline/CN=hotline Temporal CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  const leaf = async (name: string, cn: string, usage: 'server' | 'client' | 'both') => {
    const eku = usage === 'server' ? 'serverAuth' : usage === 'client' ? 'clientAuth' : 'serverAuth,clientAuth';
    const san = usage === 'client' ? `subjectAltName=DNS:${cn}` : `subjectAltName=DNS:${TEMPORAL_TLS_SERVER_NAME},DNS:localhost,IP:127.0.0.1`;
    const ext = path.join(dir, `${name}.ext`);
    await writeFile(ext, `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=${eku}\n${san}\n`);
    await openssl(['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=hotline/CN=${cn}`], dir);
    await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${Date.now().toString(16)}${Math.floor(Math.random() * 1e6).toString(16)}`,
      '-days', String(VALID_DAYS), '-extfile', ext, '-out', `${name}.pem`], dir);
    await rm(path.join(dir, `${name}.csr`), { force: true });
    await rm(ext, { force: true });
  };
  await leaf('frontend', TEMPORAL_TLS_SERVER_NAME, 'server');
  // The internal services present this one both ways (Temporal's internode client uses the server certificate).
  await leaf('internode', TEMPORAL_TLS_SERVER_NAME, 'both');
  for (const c of TLS_CLIENTS) await leaf(`client-${c}`, `${c}.hotline.internal`, 'client');
  for (const key of ['ca.key', 'frontend.key', 'internode.key', ...TLS_CLIENTS.map((c) => `client-${c}.key`)]) await chmod(path.join(dir, key), 0o600);
  return files;
}

/** A client's TLS from files (PEM): the CA, its certificate and key. */
export async function loadClientTls(p: { ca: string; cert: string; key: string; serverName?: string | undefined }): Promise<ClientTls> {
  const [ca, cert, key] = await Promise.all([readFile(p.ca), readFile(p.cert), readFile(p.key)]);
  return { ca, cert, key, serverName: p.serverName };
}

/** The named client's TLS from a topology's files. */
export function clientTlsOf(files: TemporalTlsFiles, client: TlsClient): Promise<ClientTls> {
  return loadClientTls({ ca: files.ca, ...files.clients[client], serverName: files.serverName });
}

/** As the Temporal SDK's Connection and NativeConnection take it. */
export function sdkTls(tls: ClientTls): TLSConfig {
  return { serverRootCACertificate: tls.ca, clientCertPair: { crt: tls.cert, key: tls.key }, ...(tls.serverName && { serverNameOverride: tls.serverName }) };
}

/** The TEMPORAL_TLS_* variables that make a worker or API process (runtime/worker.ts, runtime/api.ts) use a client's certificate. */
export function tlsEnv(files: TemporalTlsFiles, client: TlsClient): Record<string, string> {
  return { TEMPORAL_TLS_CA: files.ca, TEMPORAL_TLS_CERT: files.clients[client].cert, TEMPORAL_TLS_KEY: files.clients[client].key, TEMPORAL_TLS_SERVER_NAME: files.serverName };
}
