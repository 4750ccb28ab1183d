/**
 * Applies the policy of security-policy.ts to Electron objects. Every function takes
 * the object it changes as a parameter (typed by the few members it uses), so tests
 * drive it with fakes and only main.ts touches the real Electron modules.
 */
import { createAppProtocolHandler, type AppProtocolSources, type ReadFile } from './app-protocol';
import {
  APP_SCHEME,
  BLOCKED_URL_PATTERNS,
  CHROMIUM_SWITCHES,
  isAllowedNavigation,
} from './security-policy';

export interface CommandLineLike {
  appendSwitch(name: string, value?: string): void;
}

/** Must run before `app` is ready: Chromium reads switches at start-up. */
export const applyChromiumSwitches = (commandLine: CommandLineLike): void => {
  for (const [name, value] of CHROMIUM_SWITCHES) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
};

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: { standard: boolean; secure: boolean } }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * standard: relative URLs and a real origin (so 'self' in the CSP means app://app);
 * secure: treated like https, so the page is a secure context. Must run before ready.
 */
export const registerAppScheme = (protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void =>
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);

export const serveAppScheme = (
  protocol: Pick<ProtocolLike, 'handle'>,
  sources: AppProtocolSources,
  readFile?: ReadFile,
): void => protocol.handle(APP_SCHEME, createAppProtocolHandler(sources, readFile));

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setSpellCheckerEnabled(enable: boolean): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

const hardenedSessions = new WeakSet<object>();

/** Idempotent: every webContents reports its session, and most share the default one. */
export const hardenSession = (session: SessionLike, onBlocked?: (url: string) => void): void => {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest({ urls: [...BLOCKED_URL_PATTERNS] }, (details, callback) => {
    onBlocked?.(details.url);
    callback({ cancel: true });
  });
};

export interface NavigationEventLike {
  preventDefault(): void;
  readonly url?: string;
}

/**
 * Electron's strictest WebRTC setting: UDP only through a proxy, and the app has none
 * (`no-proxy-server`). Electron cannot switch WebRTC off, and TCP candidates remain, so
 * the other half is the static check, which refuses RTCPeerConnection in our code.
 */
export const WEBRTC_IP_HANDLING_POLICY = 'disable_non_proxied_udp';

export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEventLike, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  setWebRTCIPHandlingPolicy(policy: typeof WEBRTC_IP_HANDLING_POLICY): void;
}

const guardNavigation = (event: NavigationEventLike, legacyUrl?: string): void => {
  // Electron >= 25 puts the target on the event; the positional url is deprecated.
  const url = event.url ?? legacyUrl ?? '';
  if (!isAllowedNavigation(url)) event.preventDefault();
};

export const hardenWebContents = (contents: WebContentsLike): void => {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // WebRTC does not go through webRequest, so the session's filter cannot stop it.
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_HANDLING_POLICY);
};

export interface AppLike {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsLike & { session: SessionLike }) => void,
  ): unknown;
  on(event: 'session-created', listener: (session: SessionLike) => void): unknown;
}

/** Covers every webContents, including any a future change forgets to harden itself. */
export const hardenAllWebContents = (app: AppLike, onBlocked?: (url: string) => void): void => {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    hardenSession(contents.session, onBlocked);
  });
};

/**
 * Covers every session when Electron makes it: the default one, and any made later by
 * session.fromPartition/fromPath, which can fetch or download with no window at all.
 * Must be called before 'ready', when the default session is created.
 */
export const hardenAllSessions = (app: AppLike, onBlocked?: (url: string) => void): void => {
  app.on('session-created', (session) => hardenSession(session, onBlocked));
};
