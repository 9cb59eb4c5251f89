import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const [build, runtime] = stages;

describe('Dockerfile', () => {
  it('should build in one stage and run from a second without the toolchain', () => {
    expect(stages).toHaveLength(2);
    expect(build).toMatch(/RUN npm ci /);
    expect(build).toContain('bash scripts/build.sh && bash scripts/release.sh /release');
    expect(runtime).toContain('COPY --from=build --chown=node:node /release /app');
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).not.toMatch(/run-ts|ts-node|tsconfig/);
  });

  it('should install development dependencies in the build stage (NODE_ENV=production would drop them)', () => {
    expect(build).not.toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/ENV NODE_ENV=production/);
  });

  it('should start node as PID 1 in exec form, as an unprivileged user, from the compiled entry', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^CMD \["node", "main.js"\]$/m);
    expect(runtime).toContain('ln -s "dist/apps/$APP/src/main.js" main.js');
  });

  it('should run a supported Node.js (20 reached end of life on 2026-04-30)', () => {
    for (const stage of stages) {
      const major = Number(/^node:(\d+)/.exec(stage)?.[1]);
      expect(major).toBeGreaterThanOrEqual(22);
    }
  });

  it('should copy what scripts/release.sh needs into the build stage', () => {
    for (const path of ['tsconfig.build.json', 'scripts', 'libs', 'apps', 'graph', 'models', '.npmrc']) {
      expect(build).toContain(path);
    }
  });
});
