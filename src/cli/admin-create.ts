import '../load-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '@/auth/server/password';
import { adminNameSchema, emailSchema, newPasswordSchema } from '@/auth/schemas';
import { getDatabase, getRepository } from '@/db';
import { CommandError, runCommand } from './run';

// Creates an admin, or resets the password of the one with that email (the way back in after a lost password).
const USAGE = 'usage: npm run admin:create -- --email <email> --password <password> [--name <name>]';

const argsSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: adminNameSchema.optional(),
});

function readArgs() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    }));
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email || !values.password) throw new CommandError(`--email and --password are required\n${USAGE}`);
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new CommandError(`invalid arguments:\n${problems.join('\n')}\n${USAGE}`);
  }
  return parsed.data;
}

await runCommand(async () => {
  const { email, password, name } = readArgs();
  await getDatabase().migrate();
  const repository = getRepository();
  // Without --name, a reset keeps the admin's current name.
  const existing = await repository.getUserByEmail({ email });
  const { created } = await repository.upsertUserByEmail({
    name: name ?? existing?.name ?? email.split('@')[0]!,
    email,
    passwordHash: await hashPassword(password),
  });
  console.log(created ? `Created admin ${email}` : `Reset the password of admin ${email}`);
});
