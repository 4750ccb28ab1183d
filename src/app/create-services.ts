import { createHandlers, type Handlers } from '../api/handlers';
import { systemClock, type Clock } from '../clock';
import { loadMigrations } from '../db/migrate';
import { DEFAULT_KDF, type KdfParams } from '../vault/key-slots';
import { VaultService } from '../vault/vault-service';

export interface ServicesConfig {
  vaultDir: string;
  migrationsDir: string;
  clock?: Clock;
  kdf?: KdfParams;
  /** Milliseconds in one idle "minute"; only tests shorten it. */
  minuteMs?: number;
}

export interface Services {
  vault: VaultService;
  handlers: Handlers;
  clock: Clock;
  dispose(): void;
}

/** The one place where the core's services are built and wired together. */
export function createServices(config: ServicesConfig): Services {
  const clock = config.clock ?? systemClock;
  const vault = new VaultService({
    dir: config.vaultDir,
    migrations: loadMigrations(config.migrationsDir),
    clock,
    kdf: config.kdf ?? DEFAULT_KDF,
    minuteMs: config.minuteMs ?? 60_000,
  });
  const handlers = createHandlers({ vault, clock });
  return { vault, handlers, clock, dispose: () => vault.dispose() };
}
