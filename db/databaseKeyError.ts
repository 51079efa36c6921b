/**
 * Why the terminal database could not be unlocked. These are raised while a host starts, before
 * any till screen exists to translate a code, so each error carries its zh-CN and en text itself
 * (the host shows both: Electron in its error box, the browser host on its console).
 */
export type DatabaseKeyErrorCode = 'DATABASE_KEY_WRONG' | 'DATABASE_KEY_MISSING' | 'DATABASE_KEY_UNAVAILABLE';

export const databaseKeyMessages = {
  'zh-CN': {
    DATABASE_KEY_WRONG: '本机数据库的密钥不正确，无法打开。数据未作任何改动。请恢复与该数据库一起备份的密钥文件。',
    DATABASE_KEY_MISSING:
      '本机数据库已加密，但找不到它的密钥文件。没有密钥就无法读取数据，请恢复与该数据库一起备份的密钥文件。',
    DATABASE_KEY_UNAVAILABLE:
      '本机系统无法安全保存数据库密钥（系统密钥环不可用），为保护会员数据，收银台不会以未加密方式启动。',
  },
  en: {
    DATABASE_KEY_WRONG:
      'The key does not open this terminal database; nothing was changed. Restore the key file backed up with it.',
    DATABASE_KEY_MISSING:
      'The terminal database is encrypted but its key file is missing. Without the key the data cannot be read; ' +
      'restore the key file backed up with the database.',
    DATABASE_KEY_UNAVAILABLE:
      'This system cannot keep the database key safe (no OS keyring for safeStorage); to protect member data ' +
      'the till does not start with an unencrypted database.',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<DatabaseKeyErrorCode, string>>;

export class DatabaseKeyError extends Error {
  readonly code: DatabaseKeyErrorCode;
  constructor(code: DatabaseKeyErrorCode, where: string) {
    super(`${databaseKeyMessages['zh-CN'][code]}\n${databaseKeyMessages.en[code]}\n(${where})`);
    this.name = 'DatabaseKeyError';
    this.code = code;
  }
}

export function isDatabaseKeyError(error: unknown, code?: DatabaseKeyErrorCode): error is DatabaseKeyError {
  return error instanceof DatabaseKeyError && (code === undefined || error.code === code);
}
