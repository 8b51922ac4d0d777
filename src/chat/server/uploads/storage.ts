import fs from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { dataDir, env } from '@/config/env';

/*
 * Where an upload's bytes are kept: DATA_DIR/uploads by default, or any
 * S3-compatible bucket when S3_BUCKET is set (AWS, R2, MinIO, …). Keys are
 * the uploads' random ids, so nothing a visitor typed reaches a path.
 */

export interface UploadStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
}

const SAFE_KEY = /^[0-9a-f]{32}$/;

function assertSafeKey(key: string) {
  if (!SAFE_KEY.test(key)) throw new Error(`not an upload key: ${key.slice(0, 40)}`);
}

export function createDiskStorage(folder = path.join(dataDir, 'uploads')): UploadStorage {
  return {
    async put(key, bytes) {
      assertSafeKey(key);
      await fs.mkdir(folder, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = path.join(folder, `${key}.partial`);
      await fs.writeFile(partial, bytes, { mode: 0o600 });
      await fs.rename(partial, path.join(folder, key));
    },
    async get(key) {
      assertSafeKey(key);
      try {
        return await fs.readFile(path.join(folder, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

export function createS3Storage(bucket: string): UploadStorage {
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
  });
  const objectKey = (key: string) => `uploads/${key}`;
  return {
    async put(key, bytes, contentType) {
      assertSafeKey(key);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
  };
}

let storage: UploadStorage | undefined;

/** The storage the configuration names, made once per module copy (it holds no state that must be shared). */
export function getUploadStorage(): UploadStorage {
  storage ??= env.S3_BUCKET ? createS3Storage(env.S3_BUCKET) : createDiskStorage();
  return storage;
}
