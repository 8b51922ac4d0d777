import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { newVisitor } from './helpers';

/*
 * With S3_BUCKET set, images go to the bucket, not to DATA_DIR. The bucket is
 * s3rver, a real S3-protocol server on loopback (the AWS SDK talks to it as
 * to any S3-compatible endpoint).
 */
const BUCKET = 'tanya-images';
const s3Folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-s3-'));
const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Folder, configureBuckets: [{ name: BUCKET, configs: [] }] });
const s3Address = await s3.run();
const endpoint = `http://127.0.0.1:${s3Address.port}`;

describe('images in an S3-compatible bucket', () => {
  const fixture = useProductionServer({
    env: { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
  });

  afterAll(async () => {
    await s3.close();
    fs.rmSync(s3Folder, { recursive: true, force: true });
  });

  it('keeps the re-encoded image in the bucket, under uploads/<id>, and serves it from there', async () => {
    const token = await newVisitor(fixture.server);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0ea5e9' } }).png().toBuffer())]), 'a.png');
    const uploaded = await fetch(`${fixture.server.url}/api/chat/uploads`, { method: 'POST', body: form, headers: { 'x-session-token': token } });
    expect(uploaded.status).toBe(201);
    const { id } = ((await uploaded.json()) as { data: { id: string } }).data;

    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `uploads/${id}` }));
    expect(object.ContentType).toBe('image/png');
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    expect((await sharp(stored).metadata()).format).toBe('png');
    expect(fs.existsSync(path.join(fixture.server.dataDir, 'uploads', id))).toBe(false);

    const served = await fetch(`${fixture.server.url}/api/chat/uploads/${id}`, { headers: { 'x-session-token': token } });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
  });
});
