/**
 * The parts of oidc-provider (a devDependency without type declarations) the tests use: a real OpenID Connect
 * provider process for the console's sign-in (test/support/oidc-provider.ts).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientMetadata {
    client_id: string;
    token_endpoint_auth_method?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
  }
  export interface ResourceServerInfo {
    scope: string;
    audience: string;
    accessTokenFormat: 'jwt' | 'opaque';
    accessTokenTTL?: number;
    jwt?: { sign?: { alg: string } };
  }
  export interface Grant {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }
  export interface ClientInstance {
    clientId: string;
  }
  export interface AccessTokenInstance {
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    Client: { find(id: string): Promise<ClientInstance | undefined> };
    ResourceServer: new (identifier: string, info: ResourceServerInfo) => unknown;
    AccessToken: new (fields: { accountId: string; client: ClientInstance; resourceServer: unknown; scope: string; grantId?: string; expiresWithSession?: boolean }) => AccessTokenInstance;
    Grant: new (fields: { clientId: string; accountId: string }) => Grant;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
}
