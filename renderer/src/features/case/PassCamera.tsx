// Owns reading boarding passes with the desk webcam on the case screen: the officer's switch (remembered for the
// desk), a small preview with the state line, and handing each pass read to the onward-ticket question exactly as
// the desk scanner's keystrokes are (the same parser, the same messages). The camera runs, and the worker decodes
// barcodes, only while this is switched on and the question is shown.
import { useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n/catalogue';
import { Button } from '../../components/Form';
import { beep } from '../../lib/beep';
import { useI18n } from '../../lib/i18n';
import { useCamera, type CameraState } from '../../lib/use-camera';
import './pass-camera.css';

const SWITCH_KEY = 'meja-klarifikasi.camera.boardingPass';

function stateLine(status: CameraState): MessageKey {
  switch (status.state) {
    case 'starting':
      return 'case.itinerary.camera.starting';
    case 'error':
      return `case.itinerary.camera.${status.problem}`;
    case 'read':
      return 'case.itinerary.camera.read';
    case 'code_unreadable':
      return 'case.itinerary.camera.unreadable';
    case 'looking':
    case 'hold': // passport states: never on this camera
      return 'case.itinerary.camera.looking';
  }
}

export function PassCamera({ id, onPass }: { id: string; onPass: (scanned: string) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(() => localStorage.getItem(SWITCH_KEY) === 'on');
  const toggle = () => {
    localStorage.setItem(SWITCH_KEY, on ? 'off' : 'on');
    setOn(!on);
  };
  return (
    <div className="pass-camera">
      <Button variant="secondary" onClick={toggle} data-testid={`${id}-camera-switch`}>
        {t(on ? 'case.itinerary.camera.stop' : 'case.itinerary.camera.start')}
      </Button>
      {on && <PassCameraView id={id} onPass={onPass} />}
    </div>
  );
}

/** Mounted only while switched on: unmounting stops the stream and the worker. */
function PassCameraView({ id, onPass }: { id: string; onPass: (scanned: string) => void }) {
  const { t } = useI18n();
  const camera = useCamera('boarding_pass', {
    onCode: (text) => {
      beep();
      onPass(text);
    },
  });
  const { status } = camera;
  return (
    <div className="pass-camera-view">
      <video ref={camera.videoRef} muted playsInline aria-hidden="true" hidden={status.state === 'error'} />
      <p className={`hint pass-camera-state pass-camera-${status.state}`} role={status.state === 'error' ? 'alert' : 'status'} data-testid={`${id}-camera-state`} data-state={status.state} data-ms-per-frame={camera.msPerFrame ?? ''}>
        {t(stateLine(status))}
      </p>
    </div>
  );
}
