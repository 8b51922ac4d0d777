import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '@/http/errors';

/*
 * An image as it is kept: its type read from its bytes (never from the name
 * or the declared type), then decoded and re-encoded by sharp, which drops
 * every metadata block (EXIF with GPS, XMP, ICC comments) and caps the longer
 * side at 2048 px. What sharp cannot decode is refused, whatever it claimed to be.
 */

export const MAX_IMAGE_SIDE = 2048;
/** Decoding bombs: a small file that would decode into an enormous bitmap is refused before it is decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

const formats = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;
type ImageType = keyof typeof formats;

export const ACCEPTED_IMAGE_TYPES = Object.keys(formats) as ImageType[];

export type PreparedImage = { bytes: Buffer; contentType: ImageType; width: number; height: number };

const refused = () =>
  new AppError('unsupported_media_type:upload', { message: 'Only PNG, JPEG, WebP and GIF images can be sent.' });

export async function prepareImage(input: Buffer): Promise<PreparedImage> {
  const detected = await fileTypeFromBuffer(input);
  const contentType = detected?.mime as ImageType | undefined;
  if (!contentType || !(contentType in formats)) throw refused();
  try {
    const { data, info } = await sharp(input, { animated: contentType === 'image/gif', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
      .toFormat(formats[contentType])
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType, width: info.width, height: info.pageHeight ?? info.height };
  } catch {
    throw new AppError('unsupported_media_type:upload', { message: 'This image could not be read. Send it as PNG, JPEG, WebP or GIF.' });
  }
}
