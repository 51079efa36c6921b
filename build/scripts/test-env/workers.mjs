// How many Vitest files run side by side, and so how many throwaway PostgreSQL servers `npm test` starts
// (one per worker). Three on two cores: most files wait on SQLite, PostgreSQL, child processes or loopback
// HTTP, and with two workers a CI run left about a third of the CPU idle.
export const VITEST_WORKERS = 3;
