import type { Language } from './language';

/**
 * What the assistant says when it hands the conversation to the owner
 * instead of answering: stored as a real message, in the visitor's language.
 */
export type NoticeReason = 'human-requested' | 'upset' | 'urgent' | 'image' | 'failure' | 'rate-limit' | 'budget' | 'late';

/** How the assistant refers to the owner: "Rizky", not "Rizky Pratama" in every sentence. */
export const firstName = (name: string) => name.split(' ')[0] ?? name;

const notices: Record<NoticeReason, Record<Language, (owner: string) => string>> = {
  'human-requested': {
    en: (owner) => `Of course. I've let ${owner} know you'd like to talk directly; they'll reply here as soon as they can.`,
    id: (owner) => `Tentu. Saya sudah memberi tahu ${owner} bahwa Anda ingin bicara langsung; ${owner} akan membalas di sini secepatnya.`,
  },
  // The visitor's message read as upset or urgent (mood.ts): no answer from the assistant could help as much as the owner.
  upset: {
    en: (owner) => `I'm sorry about this. I've let ${owner} know right away, and they'll reply to you here personally as soon as they can.`,
    id: (owner) => `Mohon maaf atas hal ini. Saya sudah langsung memberi tahu ${owner}, dan ${owner} akan membalas Anda sendiri di sini secepatnya.`,
  },
  urgent: {
    en: (owner) => `Understood, this is urgent. I've let ${owner} know right away, and they'll reply to you here personally as soon as they can.`,
    id: (owner) => `Baik, ini mendesak. Saya sudah langsung memberi tahu ${owner}, dan ${owner} akan membalas Anda sendiri di sini secepatnya.`,
  },
  // A message that is only an image: the assistant is not shown images, so the owner looks at it.
  image: {
    en: (owner) => `Thanks for the image! I can't look at images myself, so I've passed it to ${owner}, who will reply here personally.`,
    id: (owner) => `Terima kasih atas gambarnya! Saya tidak bisa melihat gambar, jadi sudah saya teruskan ke ${owner}, yang akan membalas langsung di sini.`,
  },
  failure: {
    en: (owner) => `Sorry, I can't answer right now. ${owner} has been notified and will reply here personally.`,
    id: (owner) => `Maaf, saya belum bisa menjawab sekarang. ${owner} sudah diberi tahu dan akan membalas langsung di sini.`,
  },
  'rate-limit': {
    en: (owner) => `I've answered as many questions as I can for now. ${owner} has been notified and will reply here personally.`,
    id: (owner) => `Untuk sementara saya sudah menjawab sebanyak yang saya bisa. ${owner} sudah diberi tahu dan akan membalas langsung di sini.`,
  },
  // The reply was lost with a process that died, and the question is too old by now to answer as if nothing happened.
  late: {
    en: (owner) => `Sorry for the wait, I couldn't answer in time. ${owner} has been notified and will reply here personally.`,
    id: (owner) => `Maaf sudah menunggu, saya tidak sempat menjawab tepat waktu. ${owner} sudah diberi tahu dan akan membalas langsung di sini.`,
  },
  budget: {
    en: (owner) => `I can't answer any more questions today. ${owner} has been notified and will reply here personally.`,
    id: (owner) => `Hari ini saya tidak bisa menjawab pertanyaan lagi. ${owner} sudah diberi tahu dan akan membalas langsung di sini.`,
  },
};

export function noticeText(reason: NoticeReason, language: Language, ownerName: string): string {
  return notices[reason][language](firstName(ownerName));
}
