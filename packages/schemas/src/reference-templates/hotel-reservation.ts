import type { DesignTemplateInput } from '../templates.ts';
import { at, call, lognormal, wire } from './parts.ts';

// DeathStarBench's Hotel Reservation (github.com/delimitrou/DeathStarBench, hotelReservation/),
// its structure read from the source:
// - services/frontend: /hotels asks search for the nearby hotels, then reservation for their
//   availability, then profile for their details; /recommendations asks recommendation, then
//   profile; /user asks user; /reservation asks user, then reservation.
// - search asks geo for the nearest hotels, then rate for their rates; rate, profile and
//   reservation read memcached first and MongoDB on a miss (and refill the cache); a
//   reservation is written to MongoDB.
// - wrk2/scripts/hotel-reservation/mixed-workload_type_1.lua: search 0.6, recommend 0.39, user
//   login 0.005, reserve 0.005, at the fixed rate wrk2 keeps (-R).
// Simplified: geo, recommendation and user answer from indexes they load from MongoDB at start,
// so their databases are left out; a cache lookup is one call per request. Service times and
// hit ratios are plausible figures, not measurements.

export const hotelReservation: DesignTemplateInput = {
  id: 'deathstarbench-hotel-reservation',
  name: 'Hotel Reservation: a MongoDB election no overall figure sees',
  description:
    "DeathStarBench's hotel reservation (its frontend, search, rate and reservation services and the wrk2 mixed workload): the reservation database refuses writes for 12 s. Reservations are 0.5 % of traffic: the overall SLO and grade look fine, the reserve class's SLO does not.",
  design: {
    name: 'DeathStarBench Hotel Reservation',
    description:
      "DeathStarBench's hotel reservation microservices under its wrk2 mixed workload. The reservation MongoDB holds an election from 20 s to 32 s: every write fails while reads go on.",
    components: [
      {
        id: 'wrk2',
        name: 'wrk2 mixed workload',
        kind: 'client',
        position: at(0, 3),
        operations: [
          { id: 'search', name: 'Search hotels', weight: 0.6, calls: [call('wrk2-frontend', 'search-hotels')] },
          { id: 'recommend', name: 'Recommend', weight: 0.39, calls: [call('wrk2-frontend', 'recommend')] },
          { id: 'login', name: 'User login', weight: 0.005, calls: [call('wrk2-frontend', 'login')] },
          { id: 'reserve', name: 'Reserve', weight: 0.005, calls: [call('wrk2-frontend', 'reserve')] },
        ],
      },
      {
        id: 'frontend',
        name: 'Frontend',
        kind: 'service',
        position: at(1, 3),
        replicas: 2,
        concurrency: 64,
        serviceTime: lognormal(1, 5),
        operations: [
          {
            id: 'search-hotels',
            name: 'GET /hotels',
            calls: [
              call('frontend-search'),
              call('frontend-reservation', 'check-availability'),
              call('frontend-profile'),
            ],
          },
          {
            id: 'recommend',
            name: 'GET /recommendations',
            calls: [call('frontend-recommendation'), call('frontend-profile')],
          },
          { id: 'login', name: 'POST /user', calls: [call('frontend-user')] },
          {
            id: 'reserve',
            name: 'POST /reservation',
            calls: [call('frontend-user'), call('frontend-reservation', 'make-reservation')],
          },
        ],
      },
      {
        id: 'search',
        name: 'Search',
        kind: 'service',
        position: at(2, 0),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        calls: [call('search-geo'), call('search-rate')],
      },
      {
        id: 'geo',
        name: 'Geo',
        kind: 'service',
        position: at(3, 0),
        concurrency: 32,
        serviceTime: lognormal(1, 5),
      },
      {
        id: 'rate',
        name: 'Rate',
        kind: 'service',
        position: at(3, 1),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        calls: [call('rate-memcached')],
      },
      {
        id: 'memcached-rate',
        name: 'memcached-rate',
        kind: 'cache',
        position: at(4, 1),
        concurrency: 32,
        hitRatio: 0.9,
        serviceTime: lognormal(0.2, 1),
        calls: [{ connection: 'memcached-rate-mongodb', onMiss: true }],
      },
      {
        id: 'mongodb-rate',
        name: 'mongodb-rate',
        kind: 'database',
        position: at(5, 1),
        concurrency: 20,
        serviceTime: lognormal(3, 20),
      },
      {
        id: 'reservation',
        name: 'Reservation',
        kind: 'service',
        position: at(2, 3),
        concurrency: 32,
        operations: [
          {
            id: 'check-availability',
            name: 'CheckAvailability',
            serviceTime: lognormal(0.8, 4),
            calls: [call('reservation-memcached')],
          },
          {
            id: 'make-reservation',
            name: 'MakeReservation',
            serviceTime: lognormal(1, 5),
            calls: [call('reservation-memcached'), call('reservation-mongodb', 'insert')],
          },
        ],
      },
      {
        id: 'memcached-reserve',
        name: 'memcached-reserve',
        kind: 'cache',
        position: at(3, 3),
        concurrency: 32,
        hitRatio: 0.9,
        serviceTime: lognormal(0.2, 1),
        calls: [{ connection: 'memcached-reserve-mongodb', operation: 'find', onMiss: true }],
      },
      {
        id: 'mongodb-reservation',
        name: 'mongodb-reservation',
        kind: 'database',
        position: at(4, 3),
        concurrency: 20,
        operations: [
          { id: 'find', name: 'find', serviceTime: lognormal(3, 20), calls: [] },
          { id: 'insert', name: 'insert', serviceTime: lognormal(5, 30), calls: [] },
        ],
      },
      {
        id: 'profile',
        name: 'Profile',
        kind: 'service',
        position: at(2, 5),
        concurrency: 32,
        serviceTime: lognormal(0.5, 3),
        calls: [call('profile-memcached')],
      },
      {
        id: 'memcached-profile',
        name: 'memcached-profile',
        kind: 'cache',
        position: at(3, 5),
        concurrency: 32,
        hitRatio: 0.9,
        serviceTime: lognormal(0.2, 1),
        calls: [{ connection: 'memcached-profile-mongodb', onMiss: true }],
      },
      {
        id: 'mongodb-profile',
        name: 'mongodb-profile',
        kind: 'database',
        position: at(4, 5),
        concurrency: 20,
        serviceTime: lognormal(3, 20),
      },
      {
        id: 'recommendation',
        name: 'Recommendation',
        kind: 'service',
        position: at(2, 6),
        concurrency: 32,
        serviceTime: lognormal(1, 5),
      },
      {
        id: 'user',
        name: 'User',
        kind: 'service',
        position: at(2, 7),
        concurrency: 16,
        serviceTime: lognormal(0.3, 2),
      },
    ],
    connections: [
      { id: 'wrk2-frontend', source: 'wrk2', target: 'frontend', latency: wire(1) },
      { id: 'frontend-search', source: 'frontend', target: 'search', latency: wire(0.5) },
      { id: 'frontend-reservation', source: 'frontend', target: 'reservation', latency: wire(0.5) },
      { id: 'frontend-profile', source: 'frontend', target: 'profile', latency: wire(0.5) },
      { id: 'frontend-recommendation', source: 'frontend', target: 'recommendation', latency: wire(0.5) },
      { id: 'frontend-user', source: 'frontend', target: 'user', latency: wire(0.5) },
      { id: 'search-geo', source: 'search', target: 'geo', latency: wire(0.5) },
      { id: 'search-rate', source: 'search', target: 'rate', latency: wire(0.5) },
      { id: 'rate-memcached', source: 'rate', target: 'memcached-rate', latency: wire(0.5) },
      { id: 'memcached-rate-mongodb', source: 'memcached-rate', target: 'mongodb-rate', latency: wire(0.5) },
      { id: 'reservation-memcached', source: 'reservation', target: 'memcached-reserve', latency: wire(0.5) },
      {
        id: 'memcached-reserve-mongodb',
        source: 'memcached-reserve',
        target: 'mongodb-reservation',
        latency: wire(0.5),
      },
      { id: 'reservation-mongodb', source: 'reservation', target: 'mongodb-reservation', latency: wire(0.5) },
      { id: 'profile-memcached', source: 'profile', target: 'memcached-profile', latency: wire(0.5) },
      {
        id: 'memcached-profile-mongodb',
        source: 'memcached-profile',
        target: 'mongodb-profile',
        latency: wire(0.5),
      },
    ],
    faults: [
      {
        // A replica set elects a new primary in about ten seconds (electionTimeoutMillis); writes
        // fail until it has one, reads from secondaries go on.
        id: 'reservation-db-election',
        name: 'Reservation MongoDB election',
        type: 'error',
        target: { component: 'mongodb-reservation', operation: 'insert' },
        schedule: { startMs: 20_000, durationMs: 12_000 },
        params: { errorTypes: ['internal-error'], message: 'not primary' },
      },
    ],
    workload: { entry: 'wrk2', arrival: { kind: 'constant', ratePerSecond: 800 } },
    slo: {
      availability: 0.99,
      errorRate: 0.01,
      p99LatencyMs: 100,
      classes: {
        reserve: { availability: 0.99, errorRate: 0.01 },
        search: { p99LatencyMs: 100 },
      },
    },
  },
};
