/**
 * The local Neo4j: builds the launcher in `neo4j/` with Maven on first use, starts it as a child
 * process and stops it. The launcher exits when its stdin closes, so it never outlives us.
 * Its password is generated once per data folder and kept there in a file only the owner can read.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, accessSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../config/logger.ts';
import { forgetRunningNeo4j, recordRunningNeo4j } from './running-neo4j.ts';

const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j/', import.meta.url));
const LAUNCHER_CLASS = 'dev.newsgraph.Launcher';
const LAUNCHER_SOURCES = ['pom.xml', 'src/main/java/dev/newsgraph/Launcher.java'];
const BUILT_CLASS = 'target/classes/dev/newsgraph/Launcher.class';
const READY_PREFIX = 'NEO4J_READY ';
/** A clean stop takes about a second; past this the launcher is killed (the store recovers from its log). */
const STOP_GRACE_MS = 2_500;
const STALE_EXIT_WAIT_MS = 30_000;
/** In the data folder, readable by its owner only. */
export const PASSWORD_FILE = 'neo4j-password';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  /** Folder for the database files and the launcher's log; kept between runs. */
  home: string;
  /** Unset: the data folder's generated password (`localNeo4jPassword`). */
  password?: string;
  /** 0 picks a free port. */
  port?: number;
  startTimeoutMs: number;
  /** Unset: the small footprint tests and tools use (512 MB heap, 64 MB page cache). */
  memory?: Neo4jMemory;
  log: Logger;
}

export interface Neo4jMemory {
  heapMb: number;
  pageCacheMb: number;
}

const SMALL_FOOTPRINT: Neo4jMemory = { heapMb: 512, pageCacheMb: 64 };
/** Above this heap, Neo4j's own choice of collector (G1); below, the serial one keeps the footprint small. */
const SERIAL_GC_MAX_HEAP_MB = 1_024;

export interface LocalNeo4j {
  uri: string;
  /** Bolt's port on 127.0.0.1. */
  port: number;
  password: string;
  /** The launcher's process id. */
  pid: number;
  logFile: string;
  /** Settles with the exit code (null when killed by a signal) when the launcher ends, stopped or not. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function commandExists(command: string, versionFlag: string): boolean {
  return !spawnSync(command, [versionFlag], { stdio: 'ignore' }).error;
}

function launcherIsBuilt(): boolean {
  const built = path.join(LAUNCHER_DIR, BUILT_CLASS);
  if (!existsSync(built) || !existsSync(path.join(LAUNCHER_DIR, 'target/lib'))) return false;
  const builtAt = statSync(built).mtimeMs;
  return LAUNCHER_SOURCES.every((source) => statSync(path.join(LAUNCHER_DIR, source)).mtimeMs <= builtAt);
}

/** Compiles the launcher and copies Neo4j's jars, downloading them through Maven the first time. */
export async function buildLauncher(log: Logger): Promise<void> {
  if (!commandExists('java', '-version')) {
    throw new LocalNeo4jError(
      'Java is not installed (java not found on PATH). Install Java 17+, or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  if (launcherIsBuilt()) return;
  if (!commandExists('mvn', '--version')) {
    throw new LocalNeo4jError(
      'Maven is not installed (mvn not found on PATH); it builds the local Neo4j. Install Maven, or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  log.info('Building the local Neo4j launcher with Maven (the first run downloads Neo4j 5.26, about 130 MB)...');
  // Maven prints its own download progress; it goes to stderr so stdout stays ours.
  const maven = spawn('mvn', ['--batch-mode', 'package'], { cwd: LAUNCHER_DIR, stdio: ['ignore', process.stderr, process.stderr] });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    maven.once('error', reject);
    maven.once('exit', resolve);
  });
  if (exitCode !== 0) throw new LocalNeo4jError(`Building the local Neo4j with Maven failed (exit code ${exitCode}); see Maven's output above.`);
  log.info('Local Neo4j launcher built.');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // Not running, or no /proc.
  }
}

/** Kernel pseudo-filesystems (statfs magic numbers): Neo4j cannot keep a store there. */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1373, 'devtmpfs'],
  [0x1cd1, 'devpts'],
  [0x63677270, 'cgroup2'],
  [0x27e0eb, 'cgroup'],
  [0x64626720, 'debugfs'],
]);

/**
 * Checks the local Neo4j's data folder (`NEO4J_DATA_DIR`) and creates it owner-only; returns its
 * absolute path. Runs before anything starts, so a bad folder is one clear error, not a hang.
 */
export function prepareDataDir(dataDir: string): string {
  const home = path.resolve(dataDir);
  const problem = (reason: string) => new LocalNeo4jError(`NEO4J_DATA_DIR="${dataDir}" cannot hold the local Neo4j: ${reason}.`);
  let existing = home;
  while (!existsSync(existing)) existing = path.dirname(existing);
  // Checked before mkdir: a recursive mkdir under /proc never returns.
  const filesystem = PSEUDO_FILESYSTEMS.get(statfsSync(existing).type);
  if (filesystem) throw problem(`${existing} is on the kernel's ${filesystem} pseudo-filesystem; choose a folder on disk`);
  if (existing === home && !statSync(home).isDirectory()) throw problem(`${home} is not a folder`);
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    accessSync(home, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw problem(`cannot create or write ${home} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return home;
}

/**
 * The local Neo4j's password for this data folder: generated on first use and kept in
 * `neo4j-password` (mode 600). Other users on the machine can reach Bolt on loopback, not this file.
 */
export function localNeo4jPassword(dataDir: string): string {
  const file = path.join(prepareDataDir(dataDir), PASSWORD_FILE);
  try {
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new LocalNeo4jError(`${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 on it, or delete it to generate a new password.`);
  }
  const password = readFileSync(file, 'utf8').trim();
  if (password.length < 8) throw new LocalNeo4jError(`${file} holds no usable password (at least 8 characters); delete it to generate a new one.`);
  return password;
}

/** A launcher left by a killed earlier run still holds the store lock: end it before starting. */
async function endStaleLauncher(pidFile: string, home: string, log: Logger): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !readProc(pid, 'cmdline').includes(LAUNCHER_CLASS) || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  // The field after the parenthesised command name is the state, then the parent pid.
  const parent = Number(readProc(pid, 'stat').split(') ')[1]?.split(' ')[1]);
  if (parent > 1 && readProc(parent, 'cmdline').includes('node')) {
    throw new LocalNeo4jError(
      `Another process (pid ${parent}) is using the local Neo4j in ${home}; stop it, or set NEO4J_DATA_DIR to another folder.`,
    );
  }
  // Its owner is gone, so nobody needs its clean shutdown; Neo4j recovers the store on start.
  log.warn({ pid }, 'Ending a local Neo4j left running by an earlier run');
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, STALE_EXIT_WAIT_MS);
  rmSync(pidFile, { force: true });
}

/** Builds (if needed) and starts the local Neo4j; resolves once Bolt accepts connections. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { log } = options;
  await buildLauncher(log);
  const home = prepareDataDir(options.home);
  const password = options.password ?? localNeo4jPassword(home);
  const pidFile = path.join(home, 'launcher.pid');
  const logFile = path.join(home, 'launcher.log');
  await endStaleLauncher(pidFile, home, log);

  const memory = options.memory ?? SMALL_FOOTPRINT;
  log.info({ home, ...memory }, 'Starting the local Neo4j');
  const classpath = [path.join(LAUNCHER_DIR, 'target/classes'), path.join(LAUNCHER_DIR, 'target/lib/*')].join(path.delimiter);
  const collector = memory.heapMb <= SERIAL_GC_MAX_HEAP_MB ? '-XX:+UseSerialGC' : '-XX:+UseG1GC';
  const child: ChildProcessWithoutNullStreams = spawn(
    'java',
    ['-Xms128m', `-Xmx${memory.heapMb}m`, collector, '-cp', classpath, LAUNCHER_CLASS,
      '--home', home, '--port', String(options.port ?? 0), '--page-cache', `${memory.pageCacheMb}m`],
    // Its own process group: Ctrl-C reaches us, not it, so it stops when we close its stdin, never
    // before we do (which would look like a death and start a restart).
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  // Through stdin, never argv: `ps` shows every user the arguments. A launcher that died at once
  // closes its stdin; its exit is reported below, so a failed write needs no report of its own.
  child.stdin.on('error', () => {});
  child.stdin.write(`${password}\n`);
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  const logStream = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    rmSync(pidFile, { force: true });
    forgetRunningNeo4j(home);
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`The local Neo4j did not start within ${options.startTimeoutMs / 1000} s; its log is ${logFile}`));
    }, options.startTimeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      resolve((JSON.parse(line.slice(READY_PREFIX.length)) as { port: number }).port);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Could not run java for the local Neo4j: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`The local Neo4j exited during start-up (exit code ${code}); its log is ${logFile}`));
    });
  });
  const uri = `bolt://127.0.0.1:${port}`;
  log.info({ uri }, 'Local Neo4j is up');
  recordRunningNeo4j(home, uri);
  return { uri, port, password, pid: child.pid!, logFile, exited, stop };
}
