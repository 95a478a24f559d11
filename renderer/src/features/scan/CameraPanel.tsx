// Owns the camera part of the passport screen: the preview with its guide frame and the outline of the MRZ
// seen, the camera and resolution choice, the state line with hints, and the beep and green flash on a reading.
import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n/catalogue';
import { isDocumentFault } from '../../../../shared/mrz';
import { useI18n } from '../../lib/i18n';
import { beep } from '../../lib/beep';
import { RESOLUTIONS, useCamera, type CameraReading, type CameraState } from '../../lib/use-camera';
import type { MrzZone } from '../../workers/mrz-worker';
import './scan.css';

const FLASH_MS = 700;

function stateText(status: CameraState): { line: MessageKey; hint: MessageKey | null } {
  switch (status.state) {
    case 'starting':
      return { line: 'scan.camera.starting', hint: null };
    case 'error':
      return { line: `scan.camera.${status.problem}`, hint: null };
    case 'looking':
    case 'code_unreadable': // never on this screen: it reads passports only
      return { line: 'scan.camera.looking', hint: 'scan.camera.guide' };
    case 'hold':
      // A sure reading that will not be accepted as it is: say so, not "hold still".
      return { line: isDocumentFault(status.hint) ? 'scan.camera.refused' : 'scan.camera.hold', hint: status.hint ? `scan.camera.hint.${status.hint}` : null };
    case 'read':
      return { line: 'scan.camera.read', hint: null };
  }
}

export function CameraPanel({ onRead, onSlip, resetSignal }: { onRead: (reading: CameraReading) => void; onSlip: (caseNumber: string) => void; resetSignal: number }) {
  const { t } = useI18n();
  const [flash, setFlash] = useState(false);
  const [lastRead, setLastRead] = useState<CameraReading | null>(null);

  const handleRead = useCallback(
    (reading: CameraReading) => {
      setLastRead(reading);
      setFlash(true);
      beep();
      onRead(reading);
    },
    [onRead],
  );
  const camera = useCamera('passport', { onRead: handleRead, onSlip });
  const { reset } = camera;

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  // The screen asks for a new reading (the lines were cleared): the same passport may be read again.
  useEffect(() => {
    if (resetSignal > 0) reset();
  }, [resetSignal, reset]);

  const { status } = camera;
  const text = stateText(status);
  const zone = status.state === 'read' || status.state === 'hold' ? status.zone : null;
  const failed = status.state === 'error';
  return (
    <section className={`camera-panel${flash ? ' camera-flash' : ''}`} aria-labelledby="camera-title" data-testid="camera-panel">
      <h2 id="camera-title">{t('scan.camera.title')}</h2>
      {failed && (
        <div className="banner banner-error" role="alert" data-testid="camera-error">
          {t(text.line)}
        </div>
      )}
      {/* The video stays mounted when the camera fails, so choosing another camera can start it. */}
      <div className="camera-view" hidden={failed}>
        <video ref={camera.videoRef} muted playsInline aria-hidden="true" />
        <div className={`camera-guide${zone ? ' camera-guide-found' : ''}`} aria-hidden="true">
          <div className="camera-guide-mrz" />
        </div>
        {zone && <ZoneOutline zone={zone} read={status.state === 'read'} />}
      </div>
      {!failed && (
        <p
          className={`camera-state camera-state-${status.state}`}
          role="status"
          aria-live="polite"
          data-testid="camera-state"
          data-state={status.state}
          data-hint={status.state === 'hold' ? (status.hint ?? '') : ''}
          data-ms-to-read={lastRead?.msToRead ?? ''}
        >
          <strong>{t(text.line)}</strong>
          {text.hint && <span className="hint"> {t(text.hint)}</span>}
        </p>
      )}
      {!failed && camera.msPerFrame !== null && (
        <p className="hint camera-speed" data-testid="camera-speed" data-ms-per-frame={camera.msPerFrame} data-ms-grab={camera.msGrab ?? ''}>
          {t('scan.camera.speed', { ms: camera.msPerFrame, size: camera.videoSize ?? '' })}
        </p>
      )}
      <div className="camera-choices">
        <div className="field">
          <label htmlFor="camera-device">{t('scan.camera.device')}</label>
          <select id="camera-device" value={camera.deviceId} onChange={(e) => camera.setDeviceId(e.target.value)}>
            <option value="">{t('scan.camera.defaultDevice')}</option>
            {camera.devices.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || `${t('scan.camera.device')} ${index + 1}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="camera-resolution">{t('scan.camera.resolution')}</label>
          <select id="camera-resolution" value={camera.resolution} onChange={(e) => camera.setResolution(RESOLUTIONS.find((r) => r.id === e.target.value)?.id ?? '1280x720')}>
            {RESOLUTIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.width}×{r.height}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}

/**
 * The MRZ where the reader saw it, over the preview: the guide band only says where to hold it, and a booklet
 * held sideways or upside down has its MRZ elsewhere. The outline's coordinates are the frame's pixels; the
 * SVG fits the frame into the view as the video does (object-fit: contain).
 */
function ZoneOutline({ zone, read }: { zone: MrzZone; read: boolean }) {
  return (
    <svg className="camera-zone" viewBox={`0 0 ${zone.width} ${zone.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <polygon className={read ? 'camera-zone-read' : 'camera-zone-hold'} points={zone.corners.map(([x, y]) => `${x},${y}`).join(' ')} data-testid="camera-zone" data-state={read ? 'read' : 'hold'} />
    </svg>
  );
}
