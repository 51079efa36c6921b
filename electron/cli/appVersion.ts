import packageJson from '../../package.json';

/** The build's version, as the status command reports it. */
export const APP_VERSION: string = packageJson.version;
