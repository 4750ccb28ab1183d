import { describe, expect, it, vi } from 'vitest';
import {
  applyChromiumSwitches,
  hardenAllSessions,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  registerAppScheme,
  serveAppScheme,
  type NavigationEventLike,
  type SessionLike,
  type WebContentsLike,
  WEBRTC_IP_HANDLING_POLICY,
} from './security';
import { BLOCKED_URL_PATTERNS, CHROMIUM_SWITCHES } from './security-policy';

type Listener = (...args: never[]) => unknown;

const fakeWebContents = () => {
  const listeners = new Map<string, Listener[]>();
  let openHandler: (() => { action: 'deny' }) | null = null;
  const contents = {
    webrtcPolicy: undefined as string | undefined,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(h: () => { action: 'deny' }) {
      openHandler = h;
    },
    setWebRTCIPHandlingPolicy(policy: string) {
      contents.webrtcPolicy = policy;
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  };
  return {
    contents: contents as unknown as WebContentsLike,
    emit,
    openHandler: () => openHandler,
    webrtcPolicy: () => contents.webrtcPolicy,
  };
};

const navEvent = (url?: string) => {
  const e = { url, preventDefault: vi.fn() };
  return e as NavigationEventLike & { preventDefault: ReturnType<typeof vi.fn> };
};

type RequestHandler = (wc: unknown, p: string, cb: (g: boolean) => void) => void;
type BeforeRequest = (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;

const fakeSession = () => {
  const state = {
    request: null as RequestHandler | null,
    check: null as ((wc: unknown, p: string) => boolean) | null,
    device: null as ((d: unknown) => boolean) | null,
    spell: undefined as boolean | undefined,
    filter: null as { urls: string[] } | null,
    before: null as BeforeRequest | null,
  };
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => {
      state.request = h;
    },
    setPermissionCheckHandler: (h: (wc: unknown, p: string) => boolean) => {
      state.check = h;
    },
    setDevicePermissionHandler: (h: (d: unknown) => boolean) => {
      state.device = h;
    },
    setSpellCheckerEnabled: (v: boolean) => {
      state.spell = v;
    },
    webRequest: {
      onBeforeRequest: (f: { urls: string[] }, l: BeforeRequest) => {
        state.filter = f;
        state.before = l;
      },
    },
  } satisfies SessionLike;
  return Object.assign(state, { session });
};

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s: blocks leaving the app and allows app pages',
    (event) => {
      const { contents, emit } = fakeWebContents();
      hardenWebContents(contents);
      const away = navEvent('https://example.com/');
      emit(event, away);
      expect(away.preventDefault).toHaveBeenCalled();

      const legacy = navEvent(undefined);
      emit(event, legacy, 'file:///etc/passwd');
      expect(legacy.preventDefault).toHaveBeenCalled();

      const home = navEvent('app://app/index.html');
      emit(event, home);
      expect(home.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('refuses webviews and new windows', () => {
    const { contents, emit, openHandler } = fakeWebContents();
    hardenWebContents(contents);
    const e = { preventDefault: vi.fn() };
    emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(openHandler()?.()).toEqual({ action: 'deny' });
  });

  it("limits WebRTC to proxied UDP, Electron's strictest policy (the app has no proxy)", () => {
    const { contents, webrtcPolicy } = fakeWebContents();
    hardenWebContents(contents);
    expect(WEBRTC_IP_HANDLING_POLICY).toBe('disable_non_proxied_udp');
    expect(webrtcPolicy()).toBe('disable_non_proxied_udp');
  });
});

describe('hardenSession', () => {
  it('denies every permission and cancels every network request', () => {
    const s = fakeSession();
    const blocked: string[] = [];
    hardenSession(s.session, (u) => blocked.push(u));

    const cb = vi.fn();
    s.request?.(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(s.check?.(null, 'clipboard-read')).toBe(false);
    expect(s.device?.({})).toBe(false);
    expect(s.spell).toBe(false);

    expect(s.filter?.urls).toEqual([...BLOCKED_URL_PATTERNS]);
    const reply = vi.fn();
    s.before?.({ url: 'https://example.com/x' }, reply);
    expect(reply).toHaveBeenCalledWith({ cancel: true });
    expect(blocked).toEqual(['https://example.com/x']);
  });

  it('is applied once per session', () => {
    const s = fakeSession();
    const spy = vi.spyOn(s.session.webRequest, 'onBeforeRequest');
    hardenSession(s.session);
    hardenSession(s.session);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every webContents the app creates, and its session', () => {
    let created: ((e: unknown, c: unknown) => void) | null = null;
    const app = { on: (_e: string, l: (e: unknown, c: unknown) => void) => { created = l; } };
    hardenAllWebContents(app as never);
    const { contents, emit } = fakeWebContents();
    const s = fakeSession();
    (created as unknown as (e: unknown, c: unknown) => void)({}, Object.assign(contents, { session: s.session }));
    const away = navEvent('http://example.com/');
    emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(s.before).not.toBeNull();
  });
});

describe('hardenAllSessions', () => {
  const fakeApp = () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    return { app: { on: (e: string, l: (...args: unknown[]) => void) => listeners.set(e, l) }, listeners };
  };

  it('hardens each session Electron creates: the default one and any from fromPartition later', () => {
    const { app, listeners } = fakeApp();
    const blocked: string[] = [];
    hardenAllSessions(app as never, (u) => blocked.push(u));
    expect([...listeners.keys()]).toEqual(['session-created']);
    for (const url of ['https://a.example/', 'https://collector.example/']) {
      const s = fakeSession();
      listeners.get('session-created')?.(s.session);
      expect(s.filter?.urls).toEqual([...BLOCKED_URL_PATTERNS]);
      expect(s.check?.(null, 'media')).toBe(false);
      const reply = vi.fn();
      s.before?.({ url }, reply);
      expect(reply).toHaveBeenCalledWith({ cancel: true });
    }
    expect(blocked).toEqual(['https://a.example/', 'https://collector.example/']);
  });
});

describe('scheme and switches', () => {
  it('registers app:// as standard and secure', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('serves app:// with the file handler', () => {
    const protocol = { handle: vi.fn() };
    serveAppScheme(protocol, { rendererRoot: '/r' });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('appends every switch, with its value when it has one', () => {
    const commandLine = { appendSwitch: vi.fn() };
    applyChromiumSwitches(commandLine);
    expect(commandLine.appendSwitch).toHaveBeenCalledTimes(CHROMIUM_SWITCHES.length);
    expect(commandLine.appendSwitch).toHaveBeenCalledWith('disable-background-networking');
    expect(commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
  });
});
