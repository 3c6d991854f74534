// First step of `npm test`: checks that the Debian packages of .ci/system-packages.txt are installed. As root on a
// machine with apt-get it installs the missing ones (as CI does on a clean Debian); elsewhere it stops within a
// second and names the one command to run, rather than letting a browser test fail ten minutes later.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

const listFile = new URL('./system-packages.txt', import.meta.url);

/** `package check` pairs; the check is an absolute path, or a command looked up on PATH. */
function readPackageList(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const [name, check] = line.split(/\s+/);
      if (!name || !check) throw new Error(`.ci/system-packages.txt: "${line}" needs a package and a file or command`);
      return { name, check };
    });
}

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function present({ name, check }) {
  // Another browser can stand in for Debian's Chromium (the tests read CHROMIUM_PATH).
  if (name === 'chromium' && process.env.CHROMIUM_PATH) return isExecutable(process.env.CHROMIUM_PATH);
  if (check.startsWith('/')) return isExecutable(check);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, check)));
}

const missing = readPackageList(readFileSync(listFile, 'utf8')).filter((p) => !present(p));
if (missing.length > 0) {
  const names = missing.map((p) => p.name);
  const hasApt = isExecutable('/usr/bin/apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (hasApt && isRoot) {
    console.error(`npm test: installing ${names.join(' ')} from Debian`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('/usr/bin/apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('/usr/bin/apt-get', ['install', '-y', '--no-install-recommends', ...names], { stdio: 'inherit', env });
    const still = missing.filter((p) => !present(p)).map((p) => p.name);
    if (still.length > 0) {
      console.error(`npm test: still missing after apt-get: ${still.join(' ')}`);
      process.exit(1);
    }
  } else {
    const command = hasApt
      ? `sudo apt-get install -y --no-install-recommends ${names.join(' ')}`
      : `install ${names.join(', ')} with your system's package manager (Debian: apt-get install ${names.join(' ')})`;
    console.error(`npm test needs programs that npm does not install: ${missing.map((p) => `${p.name} (${p.check})`).join(', ')}.\nRun:\n\n  ${command}\n\nthen npm test again.`);
    process.exit(1);
  }
}
