// `npm run test:pg` runs the suite on an external PostgreSQL: it needs DATABASE_URL.
if (!process.env.DATABASE_URL) {
  console.error("test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruche_test npm run test:pg");
  process.exit(2);
}
