// Owns turning a slip's case reference into QR modules with @zxing/library's encoder, as rows of booleans
// that any renderer (SVG on screen and paper) can draw.
import { zxing, type zxingModule } from '../barcodes/zxing';

const { BarcodeFormat, EncodeHintType, QRCodeDecoderErrorCorrectionLevel, QRCodeWriter } = zxing;

/** Modules of the code including its quiet zone; true is dark. */
export function qrMatrix(text: string): boolean[][] {
  const hints = new Map<zxingModule.EncodeHintType, unknown>([
    // M survives a crease or a thermal fade while keeping modules large on an 80 mm roll.
    [EncodeHintType.ERROR_CORRECTION, QRCodeDecoderErrorCorrectionLevel.M],
    [EncodeHintType.MARGIN, 4],
  ]);
  // Width and height 0 give one pixel per module.
  const matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
  const rows: boolean[][] = [];
  for (let y = 0; y < matrix.getHeight(); y++) {
    const row: boolean[] = [];
    for (let x = 0; x < matrix.getWidth(); x++) row.push(matrix.get(x, y));
    rows.push(row);
  }
  return rows;
}
