// The CI examples (.github/workflows/conformite.yml, ci-examples/gitlab-ci.yml) cannot rot: their
// shell steps run here, each job in a fresh `git clone` of the committed HEAD, and the merged
// verdict with the reference client must be Conforme. Substitutions, to stay within a couple of
// minutes on a shared machine: 2 tranches instead of 3; a few requirements (--tags) instead of
// the whole suite, in one cucumber process (--parallele 1); `npm ci` replaced by a symlink to this checkout's node_modules (no registry);
// actions/checkout and actions/setup-node are the clone and this Node 20; the artefact actions and
// GitLab's artifacts:paths are copies between the jobs' directories.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { freshClone, ROOT, runStep } from './ci-job-runner.ts';
import { parseYamlSubset } from './yaml-subset.ts';

const TRANCHES = 2;
const TAGS = '@req:MES-FIN-01 or @req:SC.MSS/CONF.21 or @req:MES-ADR-01 or @req:MSS/va1.08';
const STEP_TIMEOUT_MS = 240_000;
const work = mkdtempSync(join(tmpdir(), 'mss-ci-examples-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * A fresh clone for a job, in one of TRANCHES places reused from job to job (the previous clone
 * there removed first): tsx keeps its compiled modules by file path, so a job in a place already
 * used skips compiling the whole project again (about 2 s of CPU per command). Jobs that run at
 * the same time are in different places.
 */
function cloneInPlace(place: number): string {
  const dir = join(work, `emplacement-${place}`);
  rmSync(dir, { recursive: true, force: true });
  return freshClone(dir);
}

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
}
interface Workflow {
  readonly env: Record<string, string>;
  readonly jobs: { readonly tranche: { readonly strategy: { readonly matrix: { readonly tranche: string[] } }; readonly steps: Step[] }; readonly fusion: { readonly needs: string; readonly steps: Step[] } };
}
interface GitlabJob {
  readonly stage: string;
  readonly parallel?: string;
  readonly script: string[];
  readonly artifacts: { readonly paths: string[] };
}

const read = (path: string) => parseYamlSubset(readFileSync(join(ROOT, path), 'utf8'));
/** The campaign commands (not `fusionner`) play a few requirements only, in one cucumber process. */
const fewRequirements = (command: string) => command.replace(/npm run conformite -- (?!fusionner)/g, `npm run conformite -- --tags '${TAGS}' --parallele 1 `);

async function shell(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  const result = await runStep(fewRequirements(command), cwd, env, STEP_TIMEOUT_MS);
  assert.equal(result.code, 0, `${result.command}\n${result.output}`);
}

function mergedVerdict(dir: string): void {
  const summary = JSON.parse(readFileSync(join(dir, 'fusion', 'conformite-synthese.json'), 'utf8')) as { verdictCode: string; run: { tags: string } };
  assert.equal(summary.verdictCode, 'conforme');
  assert.match(summary.run.tags, new RegExp(`; ${TRANCHES} tranches fusionnées$`));
}

test('GitHub Actions: the matrix over tranches, the artefacts and the merge job give Conforme', { timeout: 600_000 }, async () => {
  const workflow = read('.github/workflows/conformite.yml') as unknown as Workflow;
  const matrix = workflow.jobs.tranche.strategy.matrix.tranche;
  assert.deepEqual(matrix, ['1', '2', '3']);
  assert.equal(workflow.env.TRANCHES, String(matrix.length), 'TRANCHES matches the matrix');
  assert.equal(workflow.jobs.fusion.needs, 'tranche');
  const artefacts = join(work, 'artefacts');
  const env = { TRANCHES: String(TRANCHES) };
  const runJob = async (steps: readonly Step[], dir: string, expand: (text: string) => string) => {
    for (const step of steps) {
      if (step.run !== undefined) await shell(expand(step.run), dir, env);
      else if (step.uses?.startsWith('actions/upload-artifact@')) {
        if (step.if !== undefined) continue; // the report of the merge job: kept on GitHub only
        const source = join(dir, expand(step.with?.path ?? ''));
        const name = expand(step.with?.name ?? '');
        cpSync(source, statSync(source).isDirectory() ? join(artefacts, name) : join(artefacts, name, basename(source)), { recursive: true });
      } else if (step.uses?.startsWith('actions/download-artifact@')) {
        const pattern = new RegExp(`^${(step.with?.pattern ?? '').replaceAll('*', '.*')}$`);
        for (const name of readdirSync(artefacts).filter((n) => pattern.test(n))) cpSync(join(artefacts, name), join(dir, step.with?.path ?? '', name), { recursive: true });
      } else assert.match(step.uses ?? '', /^actions\/(checkout|setup-node)@v\d+$/);
    }
  };
  await Promise.all(
    matrix.slice(0, TRANCHES).map((index, place) => runJob(workflow.jobs.tranche.steps, cloneInPlace(place), (text) => text.replaceAll('${{ matrix.tranche }}', index))),
  );
  const fusion = cloneInPlace(0);
  await runJob(workflow.jobs.fusion.steps, fusion, (text) => text);
  mergedVerdict(fusion);
});

test('GitLab CI: parallel tranches, their artifacts and the merge job give Conforme', { timeout: 600_000 }, async () => {
  const ci = read('ci-examples/gitlab-ci.yml') as unknown as { stages: string[]; default: { image: string }; tranche: GitlabJob; fusion: GitlabJob & { needs: string[] } };
  assert.deepEqual(ci.stages, [ci.tranche.stage, ci.fusion.stage]);
  assert.deepEqual(ci.fusion.needs, ['tranche']);
  assert.equal(ci.tranche.parallel, '3');
  assert.equal(ci.default.image, 'node:20-bookworm-slim');
  const artifacts = join(work, 'gitlab-artifacts');
  await Promise.all(
    Array.from({ length: TRANCHES }, async (_, i) => {
      const dir = cloneInPlace(i);
      for (const line of ci.tranche.script) await shell(line, dir, { CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(TRANCHES) });
      for (const path of ci.tranche.artifacts.paths) cpSync(join(dir, path), join(artifacts, path), { recursive: true });
    }),
  );
  // GitLab restores the earlier stage's artifacts:paths into the later job's checkout.
  const fusion = cloneInPlace(0);
  cpSync(artifacts, fusion, { recursive: true });
  for (const line of ci.fusion.script) await shell(line, fusion, {});
  mergedVerdict(fusion);
});
