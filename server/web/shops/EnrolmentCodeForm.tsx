import { useState, type FormEvent } from 'react';
import type { CreateEnrolmentCodeResponse } from '../../../shared/sync/protocol';
import type { Session } from '../api';
import { sessionClient } from '../api';
import { NoteLine } from '../officeAction';
import type { Lang } from '../text';
import { EnrolmentCodeCard } from './EnrolmentCodeCard';
import { checkEnrolment, type EnrolmentField, type EnrolmentFields, type FieldProblem } from './enrolmentForm';
import { shopsText, type ShopsTextKey } from './shopsText';
import { useShopsAction } from './useShopsAction';

/**
 * Makes a one-time enrolment code for a new till: the shop (a shop manager picks one of theirs), an
 * optional terminal code and validity; checked by the route's schema before it is sent.
 */
export function EnrolmentCodeForm(props: { lang: Lang; session: Session; reload: () => Promise<void> }) {
  const { lang, session, reload } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  const ownShops = session.me.role === 'shop_manager' ? session.me.shops : null;
  const [fields, setFields] = useState<EnrolmentFields>({
    shopId: ownShops?.[0] ?? '',
    shopName: '',
    terminalCode: '',
    validForHours: '72',
  });
  const [problems, setProblems] = useState<Partial<Record<EnrolmentField, FieldProblem>>>({});
  const [made, setMade] = useState<CreateEnrolmentCodeResponse | null>(null);
  const { note, run } = useShopsAction(lang, reload);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = checkEnrolment(fields, ownShops);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    setMade(null);
    const answer = await run(
      () => sessionClient(session.csrfToken).call('createEnrolmentCode', { body: check.body }),
      (a) => t('enrolShown', { shop: a.shopId, terminal: a.terminalCode }),
      check.body.terminalCode,
    );
    if (answer) setMade(answer);
  };

  const field = (name: EnrolmentField, label: ShopsTextKey, extra: { inputMode?: 'numeric'; maxLength?: number }) => {
    const problem = problems[name];
    const id = `enrol-${name}`;
    return (
      <label>
        {t(label)}
        {name === 'shopId' && ownShops ? (
          <select id={id} value={fields.shopId} onChange={(e) => setFields({ ...fields, shopId: e.target.value })}>
            {ownShops.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            value={fields[name]}
            {...extra}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
          />
        )}
        {problem && (
          <span id={`${id}-problem`} className="shops__problem" role="alert">
            {t(problem.key, problem.params)}
          </span>
        )}
      </label>
    );
  };

  return (
    <section aria-labelledby="enrol-h" data-testid="enrolment">
      <h2 id="enrol-h">{t('enrolTitle')}</h2>
      <p className="muted">{t('enrolHint')}</p>
      {note?.kind === 'error' && <NoteLine note={note} />}
      <form className="office__add-user" noValidate onSubmit={(e) => void submit(e)} data-testid="enrolment-form">
        {field('shopId', 'enrolShopId', { maxLength: 64 })}
        {field('shopName', 'enrolShopName', { maxLength: 80 })}
        {field('terminalCode', 'enrolTerminalCode', { inputMode: 'numeric', maxLength: 5 })}
        {field('validForHours', 'enrolValidHours', { inputMode: 'numeric', maxLength: 3 })}
        <button type="submit" className="primary">
          {t('enrolMake')}
        </button>
      </form>
      {made && <EnrolmentCodeCard lang={lang} made={made} onDone={() => setMade(null)} />}
    </section>
  );
}
