// How many Vitest files run side by side, and so how many throwaway PostgreSQL servers `npm test` starts
// (one per worker). Four on two cores: most files wait on SQLite, PostgreSQL, child processes or loopback
// HTTP; with two workers a CI run left about a third of the CPU idle, with three about a fifth (2026-12-04).
export const VITEST_WORKERS = 4;
