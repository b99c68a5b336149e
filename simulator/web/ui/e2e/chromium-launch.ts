// How the end-to-end tests launch Chromium, in one place (the web UI's tests and the
// certification report's): Debian's headless shell, the build Playwright itself uses for
// headless runs (no browser window layer: the web UI's tests cost 5 to 25 % less CPU than in
// the full `chromium`), installed by scripts/ensure-chromium.sh, since Playwright cannot download
// its browsers here. MSS_SIM_CHROMIUM names another executable (the full `chromium` works too).
import type { LaunchOptions } from 'playwright';

export const CHROMIUM = process.env['MSS_SIM_CHROMIUM'] ?? '/usr/bin/chromium-headless-shell';

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
