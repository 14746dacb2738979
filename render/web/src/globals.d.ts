// What the pages' bundles put on window for tests, benchmarks and the console (entries/*.js).
interface Window {
  ourdl?: Record<string, unknown>;
  lab?: Record<string, unknown>;
  __backprop?: Record<string, unknown>;
}
