import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { importMembers } from '../../../electron/services/memberImport/importMembers';
import { openTerminalCore } from '../../../electron/terminal/terminalCore';
import { luhnCheckDigit } from '../../../shared/domain/cardNumber';
import type { HeadOfficeSuite } from './suite';

const ROWS = Number(process.env.TILLCARD_IMPORT_ROWS ?? 100_000);
const TARGET_S = 30;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军'];

/** Row i of the file: 10% bad (a short phone, a 13th month, a phone repeated from the row before). */
function row(i: number): string {
  const name = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}${i}`;
  const phone = `13${String(100_000_000 + i).slice(-9)}`;
  const body = `42${String(i).padStart(13, '0')}`;
  const card = i % 3 === 0 ? body + luhnCheckDigit(body) : '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const birthday = `19${60 + (i % 40)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
  const points = i % 7 === 0 ? 0 : i % 5000;
  switch (i % 30) {
    case 7:
      return `${name},1380013,${card},${birthday},${points},金卡`;
    case 17:
      return `${name},${phone},${card},1990-13-01,${points},`;
    case 27:
      return `${name},13${String(100_000_000 + i - 1).slice(-9)},,${birthday},${points},`;
    default:
      return `"${name}",${phone},${card},${birthday},"${points.toLocaleString('en')}",银卡`;
  }
}

/** The 100,000-row file, in GBK as a Chinese Excel saves it, written in chunks. */
async function writeGbkFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  const lines: string[] = ['姓名,手机号,卡号,生日,积分,会员等级'];
  for (let i = 1; i <= ROWS; i += 1) {
    lines.push(row(i));
    if (lines.length >= 2000 || i === ROWS) {
      if (!out.write(iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'))) await once(out, 'drain');
      lines.length = 0;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Importing members from another system (issue 17): a 100,000-row GBK CSV with 10% bad rows into a fresh
 * terminal, as `tillcard import members` runs it (product settings: answers and records not re-parsed).
 */
export const importSuite: HeadOfficeSuite = {
  name: 'import',
  usesTerminalDataset: false,
  async run(settings) {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-bench-import-'));
    try {
      const file = join(dir, 'members.csv');
      await writeGbkFile(file);
      settings.log(`bench: import file ${(statSync(file).size / 1e6).toFixed(1)} MB`);
      const core = openTerminalCore({ dataDir: join(dir, 'till'), validateOutput: false, timeZone: 'Asia/Shanghai' });
      try {
        const shop = await core.api.configureShop({
          shopId: 'bench',
          shopName: 'Bench',
          terminalName: 'Till',
          terminalCode: '31001',
          manager: { name: 'Bench Manager', pin: '2468' },
        });
        if (!shop.ok) throw new Error(`configureShop failed: ${shop.error.code}`);
        const start = process.hrtime.bigint();
        const cpuBefore = process.cpuUsage();
        const done = await importMembers(core.ctx, { source: createReadStream(file, { highWaterMark: 256 * 1024 }) });
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const s = Math.round(seconds * 100) / 100;
        // The import's own CPU (user + system): on a shared machine the wall time mostly measures the others.
        const cpu = process.cpuUsage(cpuBefore);
        const cpuS = Math.round((cpu.user + cpu.system) / 1e4) / 100;
        return {
          keys: {
            import_100k_s: s,
            import_100k_cpu_s: cpuS,
            import_100k_imported: done.imported,
            import_100k_refused: done.refused,
          },
          rows: [
            {
              measure: `import ${ROWS.toLocaleString('en')} GBK rows (${done.imported} in, ${done.refused} refused)`,
              value: `${s} s (CPU ${cpuS} s)`,
              target: `< ${TARGET_S} s`,
              ok: s < TARGET_S,
            },
          ],
        };
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
