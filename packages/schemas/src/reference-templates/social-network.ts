import type { DesignTemplateInput } from '../templates.ts';
import { at, call, lognormal, wire } from './parts.ts';

// DeathStarBench's Social Network (github.com/delimitrou/DeathStarBench, socialNetwork/), its
// structure read from the source:
// - src/ComposePostService/ComposePostHandler.h: ComposePost runs text, creator (user), media and
//   unique id at once (std::async), then stores the post, writes the user timeline and writes the
//   home timelines at once; text-service asks url-shorten and user-mention at once.
// - home-timeline-service: WriteHomeTimeline asks social-graph for the followers and adds the
//   post to their timelines in Redis; ReadHomeTimeline reads the post ids from Redis, then the
//   posts from post-storage.
// - user-timeline-service: WriteUserTimeline writes MongoDB, then Redis; ReadUserTimeline reads
//   Redis (MongoDB on a miss), then the posts from post-storage.
// - post-storage-service: StorePost writes MongoDB; ReadPosts reads memcached, MongoDB on a miss.
// - wrk2/scripts/social-network/mixed-workload.lua: read home timeline 0.60, read user timeline
//   0.30, compose post 0.10, at the fixed rate wrk2 keeps (-R).
// Simplified: url-shorten's and user-mention's own stores are left out; the nginx front end
// (OpenResty, Lua) is one service. Service times and hit ratios are plausible, not measured.

const compose = (connection: string, operation?: string) => call(connection, operation, { parallelGroup: 'compose' });
const store = (connection: string, operation?: string) => call(connection, operation, { parallelGroup: 'store' });

export const socialNetwork: DesignTemplateInput = {
  id: 'deathstarbench-social-network',
  name: 'Social Network: one database, three different outages',
  description:
    "DeathStarBench's social network (ComposePostHandler.h, the timeline services and the wrk2 mixed workload): the user-timeline MongoDB goes down for 15 s. Every post fails, user timelines fail on cache misses, home timelines never notice.",
  design: {
    name: 'DeathStarBench Social Network',
    description:
      "DeathStarBench's social network microservices under its wrk2 mixed workload. The user-timeline MongoDB is down from 20 s to 35 s: composing writes it, reading a user timeline needs it on a Redis miss, reading the home timeline never touches it.",
    components: [
      {
        id: 'wrk2',
        name: 'wrk2 mixed workload',
        kind: 'client',
        position: at(0, 4),
        operations: [
          {
            id: 'read-home-timeline',
            name: 'Read home timeline',
            weight: 0.6,
            calls: [call('wrk2-nginx', 'read-home-timeline')],
          },
          {
            id: 'read-user-timeline',
            name: 'Read user timeline',
            weight: 0.3,
            calls: [call('wrk2-nginx', 'read-user-timeline')],
          },
          { id: 'compose-post', name: 'Compose post', weight: 0.1, calls: [call('wrk2-nginx', 'compose-post')] },
        ],
      },
      {
        id: 'nginx',
        name: 'nginx-thrift front end',
        kind: 'service',
        position: at(1, 4),
        replicas: 2,
        concurrency: 64,
        serviceTime: lognormal(0.5, 3),
        operations: [
          { id: 'read-home-timeline', name: '/home-timeline/read', calls: [call('nginx-home-timeline', 'read')] },
          { id: 'read-user-timeline', name: '/user-timeline/read', calls: [call('nginx-user-timeline', 'read')] },
          { id: 'compose-post', name: '/post/compose', calls: [call('nginx-compose-post')] },
        ],
      },
      {
        id: 'compose-post',
        name: 'compose-post-service',
        kind: 'service',
        position: at(2, 1),
        concurrency: 32,
        serviceTime: lognormal(1, 5),
        calls: [
          compose('compose-text'),
          compose('compose-user'),
          compose('compose-media'),
          compose('compose-unique-id'),
          store('compose-post-storage', 'store-post'),
          store('compose-user-timeline', 'write'),
          store('compose-home-timeline', 'write'),
        ],
      },
      {
        id: 'text',
        name: 'text-service',
        kind: 'service',
        position: at(3, 0),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        calls: [
          call('text-url-shorten', undefined, { parallelGroup: 'text' }),
          call('text-user-mention', undefined, { parallelGroup: 'text' }),
        ],
      },
      {
        id: 'url-shorten',
        name: 'url-shorten-service',
        kind: 'service',
        position: at(4, 0),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
      },
      {
        id: 'user-mention',
        name: 'user-mention-service',
        kind: 'service',
        position: at(5, 0),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
      },
      {
        id: 'user',
        name: 'user-service',
        kind: 'service',
        position: at(3, 1),
        concurrency: 32,
        serviceTime: lognormal(0.3, 2),
      },
      {
        id: 'media',
        name: 'media-service',
        kind: 'service',
        position: at(4, 1),
        concurrency: 32,
        serviceTime: lognormal(0.2, 1),
      },
      {
        id: 'unique-id',
        name: 'unique-id-service',
        kind: 'service',
        position: at(5, 1),
        concurrency: 32,
        serviceTime: lognormal(0.1, 0.5),
      },
      {
        id: 'post-storage',
        name: 'post-storage-service',
        kind: 'service',
        position: at(4, 3),
        concurrency: 64,
        operations: [
          {
            id: 'store-post',
            name: 'StorePost',
            serviceTime: lognormal(0.5, 3),
            calls: [call('post-storage-to-mongodb', 'insert')],
          },
          {
            id: 'read-posts',
            name: 'ReadPosts',
            serviceTime: lognormal(0.5, 3),
            calls: [call('post-storage-to-memcached')],
          },
        ],
      },
      {
        id: 'post-storage-memcached',
        name: 'post-storage-memcached',
        kind: 'cache',
        position: at(5, 3),
        concurrency: 32,
        hitRatio: 0.9,
        serviceTime: lognormal(0.2, 1),
        calls: [{ connection: 'post-storage-memcached-mongodb', operation: 'find', onMiss: true }],
      },
      {
        id: 'post-storage-mongodb',
        name: 'post-storage-mongodb',
        kind: 'database',
        position: at(6, 3),
        concurrency: 20,
        operations: [
          { id: 'insert', name: 'insert', serviceTime: lognormal(4, 25), calls: [] },
          { id: 'find', name: 'find', serviceTime: lognormal(3, 20), calls: [] },
        ],
      },
      {
        id: 'user-timeline',
        name: 'user-timeline-service',
        kind: 'service',
        position: at(3, 5),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        operations: [
          {
            id: 'write',
            name: 'WriteUserTimeline',
            calls: [call('user-timeline-to-mongodb', 'upsert'), call('user-timeline-to-redis', 'add')],
          },
          {
            id: 'read',
            name: 'ReadUserTimeline',
            calls: [call('user-timeline-to-redis', 'range'), call('user-timeline-post-storage', 'read-posts')],
          },
        ],
      },
      {
        id: 'user-timeline-redis',
        name: 'user-timeline-redis',
        kind: 'cache',
        position: at(4, 5),
        // Redis runs commands one at a time.
        concurrency: 1,
        hitRatio: 0.8,
        serviceTime: lognormal(0.2, 1),
        operations: [
          {
            id: 'range',
            name: 'ZREVRANGE',
            calls: [{ connection: 'user-timeline-redis-mongodb', operation: 'find', onMiss: true }],
          },
          { id: 'add', name: 'ZADD', calls: [] },
        ],
      },
      {
        id: 'user-timeline-mongodb',
        name: 'user-timeline-mongodb',
        kind: 'database',
        position: at(5, 5),
        concurrency: 20,
        operations: [
          { id: 'upsert', name: 'update (upsert)', serviceTime: lognormal(4, 25), calls: [] },
          { id: 'find', name: 'find', serviceTime: lognormal(3, 20), calls: [] },
        ],
      },
      {
        id: 'home-timeline',
        name: 'home-timeline-service',
        kind: 'service',
        position: at(3, 7),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        operations: [
          {
            id: 'write',
            name: 'WriteHomeTimeline',
            calls: [call('home-timeline-social-graph'), call('home-timeline-to-redis', 'add')],
          },
          {
            id: 'read',
            name: 'ReadHomeTimeline',
            calls: [call('home-timeline-to-redis', 'range'), call('home-timeline-post-storage', 'read-posts')],
          },
        ],
      },
      {
        // The home timelines live in Redis alone: nothing behind it to miss to.
        id: 'home-timeline-redis',
        name: 'home-timeline-redis',
        kind: 'database',
        position: at(4, 7),
        concurrency: 1,
        operations: [
          { id: 'range', name: 'ZREVRANGEBYSCORE', serviceTime: lognormal(0.2, 1), calls: [] },
          // One pipelined ZADD per follower.
          { id: 'add', name: 'ZADD (pipelined)', serviceTime: lognormal(0.3, 2), calls: [] },
        ],
      },
      {
        id: 'social-graph',
        name: 'social-graph-service',
        kind: 'service',
        position: at(4, 8),
        concurrency: 32,
        serviceTime: lognormal(0.3, 2),
        calls: [call('social-graph-to-redis')],
      },
      {
        id: 'social-graph-redis',
        name: 'social-graph-redis',
        kind: 'cache',
        position: at(5, 8),
        concurrency: 1,
        hitRatio: 0.9,
        serviceTime: lognormal(0.2, 1),
        calls: [{ connection: 'social-graph-redis-mongodb', onMiss: true }],
      },
      {
        id: 'social-graph-mongodb',
        name: 'social-graph-mongodb',
        kind: 'database',
        position: at(6, 8),
        concurrency: 20,
        serviceTime: lognormal(3, 20),
      },
    ],
    connections: [
      { id: 'wrk2-nginx', source: 'wrk2', target: 'nginx', latency: wire(1) },
      { id: 'nginx-home-timeline', source: 'nginx', target: 'home-timeline', latency: wire(0.5) },
      { id: 'nginx-user-timeline', source: 'nginx', target: 'user-timeline', latency: wire(0.5) },
      { id: 'nginx-compose-post', source: 'nginx', target: 'compose-post', latency: wire(0.5) },
      { id: 'compose-text', source: 'compose-post', target: 'text', latency: wire(0.5) },
      { id: 'compose-user', source: 'compose-post', target: 'user', latency: wire(0.5) },
      { id: 'compose-media', source: 'compose-post', target: 'media', latency: wire(0.5) },
      { id: 'compose-unique-id', source: 'compose-post', target: 'unique-id', latency: wire(0.5) },
      { id: 'compose-post-storage', source: 'compose-post', target: 'post-storage', latency: wire(0.5) },
      { id: 'compose-user-timeline', source: 'compose-post', target: 'user-timeline', latency: wire(0.5) },
      { id: 'compose-home-timeline', source: 'compose-post', target: 'home-timeline', latency: wire(0.5) },
      { id: 'text-url-shorten', source: 'text', target: 'url-shorten', latency: wire(0.5) },
      { id: 'text-user-mention', source: 'text', target: 'user-mention', latency: wire(0.5) },
      { id: 'post-storage-to-mongodb', source: 'post-storage', target: 'post-storage-mongodb', latency: wire(0.5) },
      { id: 'post-storage-to-memcached', source: 'post-storage', target: 'post-storage-memcached', latency: wire(0.5) },
      {
        id: 'post-storage-memcached-mongodb',
        source: 'post-storage-memcached',
        target: 'post-storage-mongodb',
        latency: wire(0.5),
      },
      { id: 'user-timeline-to-mongodb', source: 'user-timeline', target: 'user-timeline-mongodb', latency: wire(0.5) },
      { id: 'user-timeline-to-redis', source: 'user-timeline', target: 'user-timeline-redis', latency: wire(0.5) },
      {
        id: 'user-timeline-redis-mongodb',
        source: 'user-timeline-redis',
        target: 'user-timeline-mongodb',
        latency: wire(0.5),
      },
      { id: 'user-timeline-post-storage', source: 'user-timeline', target: 'post-storage', latency: wire(0.5) },
      { id: 'home-timeline-social-graph', source: 'home-timeline', target: 'social-graph', latency: wire(0.5) },
      { id: 'home-timeline-to-redis', source: 'home-timeline', target: 'home-timeline-redis', latency: wire(0.5) },
      { id: 'home-timeline-post-storage', source: 'home-timeline', target: 'post-storage', latency: wire(0.5) },
      { id: 'social-graph-to-redis', source: 'social-graph', target: 'social-graph-redis', latency: wire(0.5) },
      {
        id: 'social-graph-redis-mongodb',
        source: 'social-graph-redis',
        target: 'social-graph-mongodb',
        latency: wire(0.5),
      },
    ],
    faults: [
      {
        id: 'user-timeline-db-down',
        name: 'User-timeline MongoDB down',
        type: 'crash',
        target: { component: 'user-timeline-mongodb' },
        schedule: { startMs: 20_000, durationMs: 15_000 },
        params: { instances: 'all', mode: 'refuse' },
      },
    ],
    workload: { entry: 'wrk2', arrival: { kind: 'constant', ratePerSecond: 600 } },
    slo: {
      availability: 0.99,
      errorRate: 0.01,
      p99LatencyMs: 100,
      classes: {
        'read-home-timeline': { availability: 0.999, p99LatencyMs: 50 },
        'read-user-timeline': { availability: 0.99 },
        'compose-post': { availability: 0.99 },
      },
    },
  },
};
