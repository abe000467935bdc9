// `npm run test:redis` runs the tests that need a real Redis: it needs TEST_REDIS_URL.
if (!process.env.TEST_REDIS_URL) {
  console.error("test:redis needs TEST_REDIS_URL, e.g. TEST_REDIS_URL=redis://127.0.0.1:6379 npm run test:redis");
  process.exit(2);
}
