export declare const VITEST_WORKERS: number;
