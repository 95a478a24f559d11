// Owns the window's defences: session permissions, the response policy, network and download refusal,
// and the navigation, pop-up and webview guards applied to every web contents the app ever creates.
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './renderer-files';

/** Only the camera, only for our own document: the desk reads passports and boarding passes, it never listens. */
function isVideoOnly(mediaTypes: ReadonlyArray<'video' | 'audio'> | undefined): boolean {
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** Schemes the renderer may load from besides app://desk: inline images, camera blobs, devtools in development. */
function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:');
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      permission === 'media' &&
        details.isMainFrame &&
        isAppUrl(details.requestingUrl) &&
        (securityOrigin === undefined || isAppUrl(securityOrigin)) &&
        isVideoOnly(mediaTypes),
    );
  });

  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    return (
      permission === 'media' &&
      details.mediaType === 'video' &&
      // Set only for cross-origin subframes; our document has none it should trust.
      details.embeddingOrigin === undefined &&
      isAppUrl(requestingOrigin) &&
      (details.securityOrigin === undefined || isAppUrl(details.securityOrigin))
    );
  });

  // USB, HID, serial: the scanners the desk uses are cameras; nothing else is handed to web content.
  ses.setDevicePermissionHandler(() => false);

  // The policy also travels with every app:// response (renderer-files.ts); this covers anything else.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name];
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });

  // The renderer talks to the core over IPC only; the sync hub is reached from the main process, not from
  // web content. So any http(s), ws or file request out of the window is a bug or an attack.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });

  ses.on('will-download', (event) => event.preventDefault());
  // Dictionaries would be fetched from the internet; the kiosk has no use for them.
  ses.setSpellCheckerEnabled(false);
}

function guardWebContents(contents: WebContents): void {
  // The app is one document at app://desk/; it moves by client-side routing, never by navigation.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Must run before any window exists so that no web contents escapes the guards. */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
