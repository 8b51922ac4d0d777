import { issueBotGateChallenge } from '@/chat/server/bot-gate';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/** What a new chat session must bring: a proof-of-work challenge to solve, Turnstile's site key, or nothing. */
export const GET = route(async () => ok(await issueBotGateChallenge()));
