import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { MAX_SCREEN_IMPORT_BYTES, type ImportMembersAnswer } from '../../shared/contract/memberImport';
import { EXPORT_TABLES, ExportTable } from '../../shared/contract/tableExport';
import { api } from '../api/tillApi';
import { fileBase64 } from '../lib/fileBase64';
import { integer } from '../lib/format';
import { saveFile } from '../lib/saveFile';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

/** What the screen cannot take goes through the command line, which streams a file of any size. */
const CLI_COMMAND = 'npx tillcard import members <file.csv>';
/** Refused lines shown on screen; all of them are in the error report. */
const SHOWN_LINES = 200;

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

/** The import's outcome: the counts, the refused and skipped lines with their reasons, the report to keep. */
function ImportReport({ answer }: { answer: ImportMembersAnswer }) {
  const { t, i18n } = useTranslation();
  const { summary, lines, report } = answer;
  const n = (value: number) => integer(value, i18n.language);
  const counts = [
    ['rows', summary.rows],
    ['imported', summary.imported],
    ['skipped', summary.skipped],
    ['refused', summary.refused],
    ['points', summary.points],
  ] as const;
  return (
    <div data-testid="import-report">
      <dl className="import-report__counts">
        {counts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`importExport.${key}`)}</dt>
            <dd data-testid={`import-${key}`}>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {summary.stoppedAtLine !== null && <p>{t('importExport.stoppedAt', { line: summary.stoppedAtLine })}</p>}
      {summary.ignoredColumns.length > 0 && (
        <p>{t('importExport.ignoredColumns', { columns: summary.ignoredColumns.join(', ') })}</p>
      )}
      {lines.length > 0 && (
        <table className="import-report__lines" data-testid="import-lines">
          <thead>
            <tr>
              <th>{t('importExport.line')}</th>
              <th>{t('importExport.outcome')}</th>
              <th>{t('importExport.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(0, SHOWN_LINES).map((line) => (
              <tr key={`${line.line}-${line.reason}`} data-line={line.line}>
                <td className="num">{line.line}</td>
                <td>{line.outcomeText}</td>
                <td>{line.reasonText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines.length > SHOWN_LINES && <p>{t('importExport.moreLines', { n: n(lines.length - SHOWN_LINES) })}</p>}
      {report && (
        <button
          type="button"
          data-testid="import-download-report"
          onClick={() => saveFile(report.fileName, 'text/csv', report.csv)}
        >
          {t('importExport.downloadReport')}
        </button>
      )}
    </div>
  );
}

/** Choose a CSV, import it, read the report. */
function ImportSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportMembersAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const tooLarge = file !== null && file.size > MAX_SCREEN_IMPORT_BYTES;
  const run = async () => {
    if (file === null || tooLarge) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const r = await api.importMembers({ fileName: file.name, base64: await fileBase64(file) });
      if (r.ok) setAnswer(r.value);
      else setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-title">
      <h3 id="import-title">{t('importExport.importTitle')}</h3>
      <p className="hint">{t('importExport.importHint')}</p>
      <p className="hint" data-testid="import-limit">
        {t('importExport.limitHint', { max: kib(MAX_SCREEN_IMPORT_BYTES), command: CLI_COMMAND })}
      </p>
      <div className="import-export__row">
        <label className="field">
          <span>{t('importExport.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
              setError(null);
            }}
          />
        </label>
        <button
          type="button"
          disabled={file === null || tooLarge || busy}
          onClick={() => void run()}
          data-testid="import-run"
        >
          {busy ? t('importExport.importing') : t('importExport.import')}
        </button>
      </div>
      {tooLarge && (
        <p role="alert" data-testid="import-too-large">
          {t('importExport.tooLarge', {
            size: kib(file.size),
            max: kib(MAX_SCREEN_IMPORT_BYTES),
            command: CLI_COMMAND,
          })}
        </p>
      )}
      {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
      {answer && <ImportReport answer={answer} />}
    </section>
  );
}

/** A table over a range of business days, saved as CSV. */
function ExportSection() {
  const { t } = useTranslation();
  const [table, setTable] = useState<ExportTable>('members');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const run = async () => {
    const r = await api.exportTable({
      table,
      ...(from === '' ? {} : { from }),
      ...(to === '' ? {} : { to }),
    });
    setError(r.ok ? null : r.error);
    setNote(null);
    if (!r.ok) return;
    saveFile(r.value.fileName, 'text/csv', r.value.csv);
    setNote(t('importExport.saved', { file: r.value.fileName }));
  };
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">{t('importExport.exportTitle')}</h3>
      <p className="hint">{t('importExport.rangeHint')}</p>
      <div className="import-export__row">
        <label className="field">
          <span>{t('importExport.table')}</span>
          <select
            value={table}
            onChange={(e) => setTable(ExportTable.parse(e.target.value))}
            data-testid="export-table"
          >
            {EXPORT_TABLES.map((name) => (
              <option key={name} value={name}>
                {t(`importExport.tables.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('importExport.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" />
        </label>
        <label className="field">
          <span>{t('importExport.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
        </label>
        <button type="button" onClick={() => void run()} data-testid="export-run">
          {t('importExport.export')}
        </button>
      </div>
      {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
      {note && (
        <p role="status" data-testid="export-note">
          {note}
        </p>
      )}
    </section>
  );
}

/** Manager (from the manager menu): the command line's member import and table export, on screen. */
export function ImportExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  useDialogKeys(onClose);
  return (
    <Dialog title={t('importExport.title')} wide className="import-export">
      <div data-testid="import-export">
        <ImportSection />
        <ExportSection />
        <button type="button" onClick={onClose}>
          {t('importExport.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
