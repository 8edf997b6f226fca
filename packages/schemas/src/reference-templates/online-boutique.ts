import type { DesignTemplateInput } from '../templates.ts';
import { at, call, lognormal, wire } from './parts.ts';

// Google's Online Boutique (github.com/GoogleCloudPlatform/microservices-demo), its structure read
// from the source:
// - src/frontend/handlers.go: what each page asks of which service, in order. The home page
//   converts the price of each of the 9 catalogue products, one call at a time; the ad is
//   optional ("ignores the error ... since it is not critical"), and so are the recommendations
//   on the order page (their error is dropped).
// - src/checkoutservice/main.go PlaceOrder: cart, prices, shipping quote, charge the card, ship,
//   then empty the cart (error ignored) and send the confirmation e-mail (error only logged).
// - src/loadgenerator/locustfile.py: the task weights (index 1, setCurrency 2, browseProduct 10,
//   addToCart 2, viewCart 3, checkout 1), `wait_time = between(1, 10)`; addToCart opens the
//   product page first, checkout adds to the cart first.
// Simplified: carts hold one product (the per-item calls of view cart and checkout are made
// once); the redirects a browser follows after setCurrency and addToCart are not modelled; 1,500
// users instead of the manifest's 10, so the rare checkout class has enough requests to judge.
// Service times are plausible in-cluster figures, not measurements.

/** A page the load generator asks the frontend for. */
const fe = (operation: string) => call('loadgenerator-frontend', operation);
const PRODUCTS_ON_HOME_PAGE = 9;

export const onlineBoutique: DesignTemplateInput = {
  id: 'online-boutique',
  name: 'Online Boutique: shipping fails after the card is charged',
  description:
    "Google's microservices-demo (src/frontend/handlers.go, src/checkoutservice/main.go, the load generator's locustfile.py mix): ShipOrder fails one call in three for 20 s, after payment. The store-wide SLO holds; the checkout class's fails.",
  design: {
    name: 'Online Boutique',
    description:
      "The 11 services of Google's Online Boutique with its load generator's mix of six request classes. Shipping fails a third of ShipOrder calls from 20 s to 40 s, after the card is charged; the e-mail service is down from 40 s to 50 s, an optional call checkout shrugs off.",
    components: [
      {
        id: 'loadgenerator',
        name: 'Shoppers (load generator)',
        kind: 'client',
        position: at(0, 4),
        operations: [
          { id: 'index', name: 'Home page', weight: 1, calls: [fe('home')] },
          { id: 'set-currency', name: 'Set currency', weight: 2, calls: [fe('set-currency')] },
          { id: 'browse-product', name: 'Browse product', weight: 10, calls: [fe('product')] },
          { id: 'add-to-cart', name: 'Add to cart', weight: 2, calls: [fe('product'), fe('add-to-cart')] },
          { id: 'view-cart', name: 'View cart', weight: 3, calls: [fe('view-cart')] },
          {
            id: 'checkout',
            name: 'Checkout',
            weight: 1,
            calls: [fe('product'), fe('add-to-cart'), fe('place-order')],
          },
        ],
      },
      {
        id: 'frontend',
        name: 'Frontend',
        kind: 'service',
        position: at(1, 4),
        replicas: 2,
        concurrency: 100,
        serviceTime: lognormal(3, 15),
        operations: [
          {
            id: 'home',
            name: 'GET /',
            calls: [
              call('frontend-currency', 'get-supported-currencies'),
              call('frontend-productcatalog', 'list-products'),
              call('frontend-cart', 'get-cart'),
              ...Array.from({ length: PRODUCTS_ON_HOME_PAGE }, () => call('frontend-currency', 'convert')),
              call('frontend-ad', undefined, { required: false }),
            ],
          },
          {
            id: 'product',
            name: 'GET /product/{id}',
            calls: [
              call('frontend-productcatalog', 'get-product'),
              call('frontend-currency', 'get-supported-currencies'),
              call('frontend-cart', 'get-cart'),
              call('frontend-currency', 'convert'),
              call('frontend-recommendation'),
              call('frontend-ad', undefined, { required: false }),
            ],
          },
          { id: 'set-currency', name: 'POST /setCurrency', serviceTime: lognormal(0.5, 2), calls: [] },
          {
            id: 'add-to-cart',
            name: 'POST /cart',
            serviceTime: lognormal(1, 5),
            calls: [call('frontend-productcatalog', 'get-product'), call('frontend-cart', 'add-item')],
          },
          {
            id: 'view-cart',
            name: 'GET /cart',
            calls: [
              call('frontend-currency', 'get-supported-currencies'),
              call('frontend-cart', 'get-cart'),
              call('frontend-recommendation'),
              call('frontend-shipping', 'get-quote'),
              call('frontend-productcatalog', 'get-product'),
              call('frontend-currency', 'convert'),
            ],
          },
          {
            id: 'place-order',
            name: 'POST /cart/checkout',
            calls: [
              call('frontend-checkout'),
              call('frontend-recommendation', undefined, { required: false }),
              call('frontend-currency', 'get-supported-currencies'),
            ],
          },
        ],
      },
      {
        id: 'checkout',
        name: 'Checkout service',
        kind: 'service',
        position: at(2, 7),
        concurrency: 32,
        serviceTime: lognormal(1, 5),
        operations: [
          {
            id: 'place-order',
            name: 'PlaceOrder',
            calls: [
              call('checkout-cart', 'get-cart'),
              call('checkout-productcatalog', 'get-product'),
              call('checkout-currency', 'convert'),
              call('checkout-shipping', 'get-quote'),
              call('checkout-currency', 'convert'),
              call('checkout-payment'),
              call('checkout-shipping', 'ship-order'),
              call('checkout-cart', 'empty-cart', { required: false }),
              call('checkout-email', undefined, { required: false }),
            ],
          },
        ],
      },
      {
        id: 'productcatalog',
        name: 'Product catalog',
        kind: 'service',
        position: at(3, 1),
        concurrency: 32,
        operations: [
          { id: 'list-products', name: 'ListProducts', serviceTime: lognormal(0.8, 4), calls: [] },
          { id: 'get-product', name: 'GetProduct', serviceTime: lognormal(0.4, 2), calls: [] },
        ],
      },
      {
        id: 'currency',
        name: 'Currency service',
        kind: 'service',
        position: at(3, 3),
        replicas: 2,
        concurrency: 32,
        operations: [
          { id: 'get-supported-currencies', name: 'GetSupportedCurrencies', serviceTime: lognormal(0.5, 3), calls: [] },
          { id: 'convert', name: 'Convert', serviceTime: lognormal(0.6, 4), calls: [] },
        ],
      },
      {
        id: 'cart',
        name: 'Cart service',
        kind: 'service',
        position: at(3, 5),
        concurrency: 32,
        operations: [
          { id: 'get-cart', name: 'GetCart', serviceTime: lognormal(1, 6), calls: [call('cart-redis')] },
          { id: 'add-item', name: 'AddItem', serviceTime: lognormal(1.5, 8), calls: [call('cart-redis')] },
          { id: 'empty-cart', name: 'EmptyCart', serviceTime: lognormal(1, 6), calls: [call('cart-redis')] },
        ],
      },
      {
        id: 'redis-cart',
        name: 'redis-cart',
        kind: 'database',
        position: at(4, 5),
        // Redis runs commands one at a time.
        concurrency: 1,
        serviceTime: lognormal(0.2, 1),
      },
      {
        id: 'recommendation',
        name: 'Recommendation service',
        kind: 'service',
        position: at(2, 1),
        concurrency: 16,
        serviceTime: lognormal(3, 15),
        calls: [call('recommendation-productcatalog', 'list-products')],
      },
      {
        id: 'ad',
        name: 'Ad service',
        kind: 'service',
        position: at(2, 0),
        concurrency: 16,
        serviceTime: lognormal(1, 6),
      },
      {
        id: 'shipping',
        name: 'Shipping service',
        kind: 'service',
        position: at(3, 7),
        concurrency: 32,
        operations: [
          { id: 'get-quote', name: 'GetQuote', serviceTime: lognormal(0.5, 3), calls: [] },
          { id: 'ship-order', name: 'ShipOrder', serviceTime: lognormal(0.8, 4), calls: [] },
        ],
      },
      {
        id: 'payment',
        name: 'Payment service',
        kind: 'service',
        position: at(3, 8),
        concurrency: 16,
        serviceTime: lognormal(1, 5),
      },
      {
        id: 'email',
        name: 'Email service',
        kind: 'service',
        position: at(3, 9),
        concurrency: 8,
        serviceTime: lognormal(4, 20),
      },
    ],
    connections: [
      { id: 'loadgenerator-frontend', source: 'loadgenerator', target: 'frontend', latency: wire(2) },
      { id: 'frontend-productcatalog', source: 'frontend', target: 'productcatalog', latency: wire(1) },
      { id: 'frontend-currency', source: 'frontend', target: 'currency', latency: wire(1) },
      { id: 'frontend-cart', source: 'frontend', target: 'cart', latency: wire(1) },
      { id: 'frontend-recommendation', source: 'frontend', target: 'recommendation', latency: wire(1) },
      { id: 'frontend-ad', source: 'frontend', target: 'ad', latency: wire(1) },
      { id: 'frontend-shipping', source: 'frontend', target: 'shipping', latency: wire(1) },
      { id: 'frontend-checkout', source: 'frontend', target: 'checkout', latency: wire(1) },
      { id: 'checkout-cart', source: 'checkout', target: 'cart', latency: wire(1) },
      { id: 'checkout-productcatalog', source: 'checkout', target: 'productcatalog', latency: wire(1) },
      { id: 'checkout-currency', source: 'checkout', target: 'currency', latency: wire(1) },
      { id: 'checkout-shipping', source: 'checkout', target: 'shipping', latency: wire(1) },
      { id: 'checkout-payment', source: 'checkout', target: 'payment', latency: wire(1) },
      { id: 'checkout-email', source: 'checkout', target: 'email', latency: wire(1) },
      { id: 'cart-redis', source: 'cart', target: 'redis-cart', latency: wire(0.5) },
      { id: 'recommendation-productcatalog', source: 'recommendation', target: 'productcatalog', latency: wire(1) },
    ],
    faults: [
      {
        id: 'ship-order-fails',
        name: 'ShipOrder fails after payment',
        type: 'error',
        target: { component: 'shipping', operation: 'ship-order' },
        schedule: { startMs: 20_000, durationMs: 20_000, probability: 0.3 },
        params: { errorTypes: ['internal-error'], message: 'shipment failed' },
      },
      {
        id: 'email-down',
        name: 'Email service down',
        type: 'crash',
        target: { component: 'email' },
        schedule: { startMs: 40_000, durationMs: 10_000 },
        params: { instances: 'all', mode: 'refuse' },
      },
    ],
    workload: {
      entry: 'loadgenerator',
      // Locust's `between(1, 10)`: a uniform think time of 1 to 10 s between a user's tasks.
      arrival: { kind: 'closed', users: 1_500, thinkTime: { kind: 'uniform', min: 1_000, max: 10_000 } },
    },
    slo: {
      availability: 0.99,
      errorRate: 0.01,
      p99LatencyMs: 500,
      classes: {
        checkout: { availability: 0.99, p99LatencyMs: 1_000 },
        'browse-product': { availability: 0.999, p99LatencyMs: 300 },
      },
    },
  },
};
