/*
 * The chat UI's text in English and Indonesian. The language comes from the
 * browser (navigator.languages) until the visitor picks one, which is then
 * remembered. Keys are shared by the visitor and admin UIs; the dictionary's
 * type is English's shape, so a missing Indonesian string fails typecheck.
 */

export const locales = ['en', 'id'] as const;
export type Locale = (typeof locales)[number];

export const localeNames: Record<Locale, string> = { en: 'English', id: 'Bahasa Indonesia' };

const en = {
  // Sender labels and message states
  you: 'You',
  owner: 'Owner',
  visitor: 'Visitor',
  aiAssistant: 'AI assistant',
  statusPending: 'Waiting to send',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusRead: 'Read',
  statusFailed: 'Not sent',
  aiThinking: 'AI assistant is thinking…',
  isTyping: (name: string) => `${name} is typing…`,
  newMessageFrom: (name: string, text: string) => `New message from ${name}: ${text}`,
  loadingMessages: 'Loading messages…',
  loadOlder: 'Load earlier messages',
  loadingOlder: 'Loading earlier messages…',
  jumpToLatest: 'Jump to the latest messages',
  today: 'Today',
  yesterday: 'Yesterday',
  // Composer
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send message',
  composerHint: 'Enter to send, Shift+Enter for a new line',
  charactersLeft: (count: number) => `${count} characters left`,
  savedReplies: 'Saved replies',
  savedRepliesHint: 'type / to insert a saved reply',
  savedRepliesFound: (count: number) => (count === 1 ? '1 saved reply, up and down arrows to choose, Enter to insert' : `${count} saved replies, up and down arrows to choose, Enter to insert`),
  // Connection
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting… Messages you write are kept and sent when it is back.',
  backOnline: 'Back online',
  offlineQueued: (count: number) => (count === 1 ? '1 message waiting to be sent' : `${count} messages waiting to be sent`),
  // Preferences
  language: 'Language',
  theme: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  sound: 'Notification sound',
  soundOn: 'Sound on',
  soundOff: 'Sound off',
  settings: 'Chat settings',
  // Visitor chat
  chatTitle: 'Chat',
  chatWith: (name: string) => `Chat with ${name}`,
  ownerOnline: (name: string) => `${name} is online`,
  ownerOffline: (name: string) => `${name} is offline`,
  aiAvailable: 'The AI assistant answers right away',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unreadCount: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  openFullPage: 'Open in full page',
  backToSite: 'Back to the site',
  welcomeFallback: 'Hi! How can I help you?',
  profileTitle: 'How can we reach you? (optional)',
  profileName: 'Your name',
  profileEmail: 'Your email',
  profileSave: 'Save',
  profileSkip: 'Not now',
  invalidEmail: 'Enter a valid email address.',
  sendFailed: 'This message could not be sent.',
  retry: 'Retry',
  discard: 'Delete',
  rateLimited: 'You are sending messages too quickly; they will go out in a moment.',
  offlineFallback: 'Nobody is online right now. Leave a message and you will get an answer as soon as possible.',
  suggestedQuestions: 'People often ask',
  // Other devices
  continueOnDevice: 'Continue on another device',
  continueOnDeviceIntro: 'Open this link, or scan the code with your phone, to carry on this conversation there. It works once, for 15 minutes.',
  deviceLinkLabel: 'Link for your other device',
  copyLink: 'Copy link',
  linkCopied: 'Copied',
  linkExpiresIn: (minutes: number) => (minutes <= 1 ? 'Expires in under a minute' : `Expires in ${minutes} minutes`),
  linkExpired: 'This link has expired.',
  newLink: 'Make a new link',
  qrCodeAlt: 'QR code of the link',
  devicesTitle: 'Devices in this conversation',
  thisBrowser: 'This browser',
  lastSeen: (when: string) => `last seen ${when}`,
  signOutDevice: 'Sign out',
  deviceSignedOut: 'This browser was signed out of the conversation. Write to start a new one.',
  done: 'Done',
  // Rating after a resolution
  ratingQuestion: 'How was this conversation?',
  ratingScore: (score: number) => (score === 1 ? '1 out of 5' : `${score} out of 5`),
  ratingCommentLabel: 'Anything you would like to add? (optional)',
  ratingSend: 'Send',
  ratingSkip: 'Not now',
  ratingThanks: 'Thank you for your feedback!',
  ratingFailed: 'Your rating could not be sent. Try again.',
  // Transcripts
  downloadConversation: 'Download conversation',
  downloadAs: (format: string) => `Download the conversation as ${format}`,
  downloadFailed: 'The download did not work. Try again.',
  continuingTitle: 'Opening your conversation…',
  linkRefusedTitle: 'This link cannot be used',
  linkRefusedExpired: 'This link has expired: links to continue a chat work for 15 minutes. Make a new one on the device where you started.',
  linkRefusedUsed: 'This link was already used. Each link opens the chat on one device: make a new one on the device where you started.',
  linkRefusedInvalid: 'This link is not valid. Copy it again, whole, from the device where you started the chat.',
  linkRefusedClosed: 'This conversation is closed. You can start a new one.',
  openTheChat: 'Open the chat',
  // Where an assistant's answer came from ("from Projects › Kopiloka Storefront")
  sourcesLabel: 'Sources of this answer',
  sourceFrom: 'from',
  sourceSections: {
    about: 'About', techStack: 'Tech stack', career: 'Career', projects: 'Projects', qa: 'Q&A',
  } as Record<string, string>,
};

export type Messages = typeof en;

const id: Messages = {
  you: 'Anda',
  owner: 'Pemilik',
  visitor: 'Pengunjung',
  aiAssistant: 'Asisten AI',
  statusPending: 'Menunggu dikirim',
  statusSent: 'Terkirim',
  statusDelivered: 'Diterima',
  statusRead: 'Dibaca',
  statusFailed: 'Gagal dikirim',
  aiThinking: 'Asisten AI sedang berpikir…',
  isTyping: (name) => `${name} sedang mengetik…`,
  newMessageFrom: (name, text) => `Pesan baru dari ${name}: ${text}`,
  loadingMessages: 'Memuat pesan…',
  loadOlder: 'Muat pesan sebelumnya',
  loadingOlder: 'Memuat pesan sebelumnya…',
  jumpToLatest: 'Lompat ke pesan terbaru',
  today: 'Hari ini',
  yesterday: 'Kemarin',
  messageLabel: 'Pesan',
  messagePlaceholder: 'Tulis pesan…',
  send: 'Kirim pesan',
  composerHint: 'Enter untuk mengirim, Shift+Enter untuk baris baru',
  charactersLeft: (count) => `Sisa ${count} karakter`,
  savedReplies: 'Balasan tersimpan',
  savedRepliesHint: 'ketik / untuk menyisipkan balasan tersimpan',
  savedRepliesFound: (count) => `${count} balasan tersimpan, panah atas dan bawah untuk memilih, Enter untuk menyisipkan`,
  connecting: 'Menghubungkan…',
  reconnecting: 'Koneksi terputus. Menghubungkan ulang… Pesan yang Anda tulis disimpan dan dikirim saat koneksi kembali.',
  backOnline: 'Kembali online',
  offlineQueued: (count) => `${count} pesan menunggu dikirim`,
  language: 'Bahasa',
  theme: 'Tema',
  themeSystem: 'Sistem',
  themeLight: 'Terang',
  themeDark: 'Gelap',
  sound: 'Suara notifikasi',
  soundOn: 'Suara aktif',
  soundOff: 'Suara mati',
  settings: 'Pengaturan chat',
  chatTitle: 'Chat',
  chatWith: (name) => `Chat dengan ${name}`,
  ownerOnline: (name) => `${name} sedang online`,
  ownerOffline: (name) => `${name} sedang offline`,
  aiAvailable: 'Asisten AI langsung menjawab',
  openChat: 'Buka chat',
  closeChat: 'Tutup chat',
  unreadCount: (count) => `${count} pesan belum dibaca`,
  openFullPage: 'Buka di halaman penuh',
  backToSite: 'Kembali ke situs',
  welcomeFallback: 'Halo! Ada yang bisa dibantu?',
  profileTitle: 'Bagaimana kami bisa menghubungi Anda? (opsional)',
  profileName: 'Nama Anda',
  profileEmail: 'Email Anda',
  profileSave: 'Simpan',
  profileSkip: 'Nanti saja',
  invalidEmail: 'Masukkan alamat email yang valid.',
  sendFailed: 'Pesan ini tidak dapat dikirim.',
  retry: 'Coba lagi',
  discard: 'Hapus',
  rateLimited: 'Anda mengirim pesan terlalu cepat; pesan akan dikirim sebentar lagi.',
  offlineFallback: 'Sedang tidak ada yang online. Tinggalkan pesan dan Anda akan dibalas secepatnya.',
  suggestedQuestions: 'Yang sering ditanyakan',
  continueOnDevice: 'Lanjutkan di perangkat lain',
  continueOnDeviceIntro: 'Buka tautan ini, atau pindai kodenya dengan ponsel Anda, untuk melanjutkan percakapan ini di sana. Hanya bisa dipakai sekali, selama 15 menit.',
  deviceLinkLabel: 'Tautan untuk perangkat lain',
  copyLink: 'Salin tautan',
  linkCopied: 'Tersalin',
  linkExpiresIn: (minutes) => (minutes <= 1 ? 'Berakhir dalam kurang dari semenit' : `Berakhir dalam ${minutes} menit`),
  linkExpired: 'Tautan ini sudah kedaluwarsa.',
  newLink: 'Buat tautan baru',
  qrCodeAlt: 'Kode QR dari tautan',
  devicesTitle: 'Perangkat dalam percakapan ini',
  thisBrowser: 'Browser ini',
  lastSeen: (when) => `terakhir terlihat ${when}`,
  signOutDevice: 'Keluarkan',
  deviceSignedOut: 'Browser ini telah dikeluarkan dari percakapan. Tulis pesan untuk memulai yang baru.',
  done: 'Selesai',
  ratingQuestion: 'Bagaimana percakapan ini?',
  ratingScore: (score) => `${score} dari 5`,
  ratingCommentLabel: 'Ada yang ingin ditambahkan? (opsional)',
  ratingSend: 'Kirim',
  ratingSkip: 'Nanti saja',
  ratingThanks: 'Terima kasih atas masukan Anda!',
  ratingFailed: 'Penilaian Anda tidak dapat dikirim. Coba lagi.',
  downloadConversation: 'Unduh percakapan',
  downloadAs: (format) => `Unduh percakapan sebagai ${format}`,
  downloadFailed: 'Unduhan gagal. Coba lagi.',
  continuingTitle: 'Membuka percakapan Anda…',
  linkRefusedTitle: 'Tautan ini tidak dapat dipakai',
  linkRefusedExpired: 'Tautan ini sudah kedaluwarsa: tautan untuk melanjutkan chat berlaku 15 menit. Buat yang baru di perangkat tempat Anda memulai.',
  linkRefusedUsed: 'Tautan ini sudah dipakai. Setiap tautan membuka chat di satu perangkat: buat yang baru di perangkat tempat Anda memulai.',
  linkRefusedInvalid: 'Tautan ini tidak valid. Salin lagi secara utuh dari perangkat tempat Anda memulai chat.',
  linkRefusedClosed: 'Percakapan ini sudah ditutup. Anda bisa memulai yang baru.',
  openTheChat: 'Buka chat',
  sourcesLabel: 'Sumber jawaban ini',
  sourceFrom: 'dari',
  sourceSections: {
    about: 'Tentang', techStack: 'Teknologi', career: 'Karier', projects: 'Proyek', qa: 'Tanya jawab',
  },
};

export const dictionaries: Record<Locale, Messages> = { en, id };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages we speak ("id-ID" → id, "ms" → en), English otherwise. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Dates and times in the chosen language (Intl's "id-ID" / "en-US" formats). */
export const intlLocale: Record<Locale, string> = { en: 'en-US', id: 'id-ID' };
