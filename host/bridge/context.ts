import type { Json } from '../../sdk/contract/index.ts';

/**
 * Who is calling a host API from inside a session. Host implementations get this as their first
 * argument; the program itself only ever sees the openid.
 */
export interface BridgeContext {
  sessionId: string;
  appId: string;
  /** The program's name, as host-drawn UI shows it. */
  appName: string;
  merchantId: string;
  /** The platform user id: never given to the program. */
  userId: string;
  openid: string;
  /** The version the session runs: its manifest's allowlist is the one `net` checks. */
  versionId: string;
  networkDomains: readonly string[];
  /** How the session was opened, as the host checked it (a QR scan, a shared card); null otherwise. */
  scene: Json | null;
}
