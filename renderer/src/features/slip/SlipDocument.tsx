// Owns how a referral slip looks on paper: one component, three layouts (A5, A4, 80 mm roll), Indonesian first
// with English beneath, and the case QR code drawn as SVG so it stays sharp on any printer.
import type { Bilingual } from '../../../../shared/checklist';
import { qrMatrix } from '../../../../shared/slips/qr-matrix';
import type { SlipLayout, SlipModel } from '../../../../shared/contract';

function Both({ text, className }: { text: Bilingual; className?: string }) {
  return (
    <span className={`both ${className ?? ''}`}>
      <span className="id" lang="id">
        {text.id}
      </span>
      <span className="en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

function QrCode({ text }: { text: string }) {
  const rows = qrMatrix(text);
  const size = rows.length;
  const path = rows.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return (
    <svg className="slip-qr" viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" role="img" aria-label={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

const LABEL = {
  caseNumber: { id: 'Nomor kasus', en: 'Case number' },
  issued: { id: 'Tanggal dan jam', en: 'Date and time' },
  traveller: { id: 'Nama', en: 'Name' },
  document: { id: 'Nomor paspor', en: 'Passport number' },
  decision: { id: 'Keputusan', en: 'Decision' },
  reasons: { id: 'Alasan', en: 'Reasons' },
  ground: { id: 'Dasar hukum', en: 'Legal ground' },
  note: { id: 'Catatan petugas', en: "Officer's note" },
  next: { id: 'Langkah selanjutnya', en: 'What to do next' },
  bring: { id: 'Yang perlu dibawa', en: 'What to bring' },
  contact: { id: 'BP3MI Sumatera Selatan', en: 'BP3MI South Sumatra' },
  officer: { id: 'Petugas', en: 'Officer' },
  traveller_sign: { id: 'Pelaku perjalanan', en: 'Traveller' },
  awaiting: { id: 'Menunggu tanda tangan supervisor Imigrasi', en: 'Awaiting countersignature by an Immigration supervisor' },
  countersigned: { id: 'Ditandatangani supervisor', en: 'Countersigned by supervisor' },
} satisfies Record<string, Bilingual>;

export function SlipDocument({ slip, layout }: { slip: SlipModel; layout: SlipLayout }) {
  return (
    <article className={`slip slip-${layout}`} data-testid="slip">
      <header className="slip-head">
        <div className="slip-offices">
          {slip.offices.map((office) => (
            <strong key={office}>{office}</strong>
          ))}
          <Both text={slip.title} className="slip-title" />
        </div>
        <QrCode text={slip.qrText} />
      </header>
      <dl className="slip-facts">
        <dt>
          <Both text={LABEL.caseNumber} />
        </dt>
        <dd className="slip-case-number">{slip.caseNumber}</dd>
        <dt>
          <Both text={LABEL.issued} />
        </dt>
        <dd data-testid="slip-issued">{slip.issuedAtLocal}</dd>
        <dt>
          <Both text={LABEL.traveller} />
        </dt>
        <dd className="slip-name">{slip.travellerName}</dd>
        <dt>
          <Both text={LABEL.document} />
        </dt>
        <dd>{slip.documentNumber}</dd>
      </dl>
      <section className="slip-block slip-decision">
        <h2>
          <Both text={LABEL.decision} />
        </h2>
        <Both text={slip.decision} className="slip-strong" />
        {slip.awaitingCountersignature && <Both text={LABEL.awaiting} className="slip-warning" />}
      </section>
      {slip.reasons.length > 0 && (
        <section className="slip-block">
          <h2>
            <Both text={LABEL.reasons} />
          </h2>
          <ul>
            {slip.reasons.map((reason, index) => (
              <li key={index}>
                <Both text={reason} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {slip.ground && (
        <section className="slip-block">
          <h2>
            <Both text={LABEL.ground} />
          </h2>
          <Both text={slip.ground.title} />
          <p className="slip-citation">{slip.ground.citation}</p>
        </section>
      )}
      {slip.note && (
        <section className="slip-block">
          <h2>
            <Both text={LABEL.note} />
          </h2>
          <p className="slip-note" dir="auto">
            {slip.note}
          </p>
        </section>
      )}
      <section className="slip-block">
        <h2>
          <Both text={LABEL.next} />
        </h2>
        <Both text={slip.nextSteps} />
        {slip.bring.length > 0 && (
          <>
            <h3>
              <Both text={LABEL.bring} />
            </h3>
            <ul>
              {slip.bring.map((item, index) => (
                <li key={index}>
                  <Both text={item} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="slip-block slip-contact">
        <h2>
          <Both text={LABEL.contact} />
        </h2>
        <p>{slip.bp3miAddress}</p>
        <p>{slip.bp3miHotline}</p>
      </section>
      <footer className="slip-signatures">
        <div>
          <Both text={LABEL.officer} />
          <div className="slip-sign-line" />
          <strong>{slip.officer.name}</strong>
          <Both text={slip.officer.agency} />
          {slip.countersignedBy && (
            <span>
              <Both text={LABEL.countersigned} />: {slip.countersignedBy}
            </span>
          )}
        </div>
        <div>
          <Both text={LABEL.traveller_sign} />
          <div className="slip-sign-line" />
          <strong>{slip.travellerName}</strong>
        </div>
      </footer>
    </article>
  );
}
