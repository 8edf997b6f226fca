import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs on the build machines, so the compose file is checked by reading it:
// everything it and its Dockerfiles name must exist in the repository.
const root = join(import.meta.dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
/** The parts of a compose service these tests read. */
interface ComposeService {
  build?: { context: string; dockerfile: string };
  healthcheck?: { test: unknown };
  depends_on?: Record<string, unknown>;
}
const services = Object.entries(compose.services as Record<string, ComposeService>);
const built = services.filter(([, s]) => s.build);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL and Redis with named volumes and every service with a healthcheck', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.redis.image).toMatch(/^redis:/);
    for (const store of ['postgres', 'redis']) {
      const [volume] = compose.services[store].volumes[0].split(':');
      expect(Object.keys(compose.volumes)).toContain(volume);
    }
    for (const [name, service] of services) expect(service.healthcheck?.test, name).toBeDefined();
    expect(built.map(([name]) => name).sort()).toEqual(['design-service', 'gateway', 'orchestrator', 'worker']);
  });

  it('shares runs through Redis with several worker replicas', () => {
    const { orchestrator, worker } = compose.services;
    for (const service of [orchestrator, worker]) expect(new URL(service.environment.REDIS_URL).hostname).toBe('redis');
    expect(worker.deploy.replicas).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(join(root, worker.build.dockerfile), 'utf8').match(/^CMD (.*)$/m)![1]!)).toEqual([
      'node',
      'apps/cli/bin/faultline.mjs',
      'worker',
    ]);
  });

  it.each(built)('%s: its context, Dockerfile, copied paths and start script exist', (_name, service) => {
    const { context: folder, dockerfile: file } = service.build!;
    const context = join(root, folder);
    const dockerfile = join(context, file);
    expect(existsSync(dockerfile)).toBe(true);
    const lines = readFileSync(dockerfile, 'utf8').split('\n');
    for (const line of lines.filter((l) => l.startsWith('COPY '))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(context, source)), `${line}: ${source}`).toBe(true);
    }
    const cmd: string[] = JSON.parse(lines.find((l) => l.startsWith('CMD '))!.slice(4));
    const script = cmd.find((part) => /\.(ts|mjs)$/.test(part))!;
    expect(existsSync(join(context, script)), cmd.join(' ')).toBe(true);
  });

  it('wires the services to each other by names that exist', () => {
    const names = new Set(services.map(([name]) => name));
    for (const [name, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(names.has(dependency), `${name} → ${dependency}`).toBe(true);
    }
    expect(compose.services['design-service'].environment.DATABASE_URL).toMatch(
      /^postgresql:\/\/[^@]+@postgres:5432\//,
    );
    for (const [client, variable, server] of [
      ['gateway', 'DESIGN_SERVICE_URL', 'design-service'],
      ['gateway', 'ORCHESTRATOR_URL', 'orchestrator'],
      ['orchestrator', 'DESIGN_SERVICE_URL', 'design-service'],
    ] as const) {
      const upstream = new URL(compose.services[client].environment[variable]);
      expect(upstream.hostname, `${client} ${variable}`).toBe(server);
      expect(upstream.port, `${client} ${variable}`).toBe(compose.services[server].environment.PORT);
      // The name the client uses arrives as Host: the service must serve it (421 otherwise).
      expect(compose.services[server].environment.ALLOWED_HOSTS?.split(','), `${server} ALLOWED_HOSTS`).toContain(
        server,
      );
    }
  });
});
