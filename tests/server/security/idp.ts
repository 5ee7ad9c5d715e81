/** A tiny OpenID provider on loopback (JWKS only) and signed access tokens for the security tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { OidcConfig } from '../../../server/config';

export const AUDIENCE = 'profilence-api';

export interface Idp {
  oidc: OidcConfig;
  sign(claims: { sub: string; agency: string; roles?: string[]; aud?: string; expiresIn?: string | number }): Promise<string>;
  close(): Promise<void>;
}

export async function startIdp(): Promise<Idp> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/certs') res.end(JSON.stringify({ keys: [jwk] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key: CryptoKey = privateKey;
  return {
    oidc: { issuer, audience: AUDIENCE, jwksUrl: `${issuer}/certs`, agencyClaim: 'agency', rolesClaim: 'roles' },
    sign: ({ sub, agency, roles = [], aud = AUDIENCE, expiresIn = '10m' }) =>
      new SignJWT({ agency, roles, name: sub })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(aud)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(key),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
