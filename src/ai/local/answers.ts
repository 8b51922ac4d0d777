import { detectLanguage, type Language } from '../language';
import { firstName, noticeText } from '../notices';
import type { FactEntry, PortfolioFact } from '../portfolio-facts';
import { analyzeQuestion, RELEVANCE_THRESHOLD } from '../retrieval';
import { asksForHuman, asksForInstructions, asksWhatItIs, isGreeting, isThanks, type Topic } from '../topics';

/**
 * The built-in assistant's writer: short answers in the visitor's language,
 * made only of portfolio facts and naming them, or an honest handover when
 * the portfolio has nothing that fits.
 */

export type LocalAnswer = { text: string; handover: boolean; facts: PortfolioFact[] };

type Phrasebook = {
  greeting: (name: string) => string;
  thanks: (name: string) => string;
  identity: (name: string) => string;
  refuseInstructions: (name: string) => string;
  unknown: (name: string, terms: string[]) => string;
  sources: string;
  list: (items: string[]) => string;
  about: (entry: Extract<FactEntry, { kind: 'about' }>) => string;
  location: (entry: Extract<FactEntry, { kind: 'location' }>) => string;
  contact: (entry: Extract<FactEntry, { kind: 'contact' }>) => string;
  availability: (entry: Extract<FactEntry, { kind: 'availability' }>) => string;
  values: (entry: Extract<FactEntry, { kind: 'values' }>, name: string) => string;
  interests: (entry: Extract<FactEntry, { kind: 'interests' }>, name: string) => string;
  tech: (entry: Extract<FactEntry, { kind: 'tech' }>, name: string, usedAt: string[]) => string;
  stack: (groups: { category: string; titles: string[] }[], name: string) => string;
  career: (entry: Extract<FactEntry, { kind: 'career' }>, name: string) => string;
  careerList: (entries: Extract<FactEntry, { kind: 'career' }>[], name: string) => string;
  project: (entry: Extract<FactEntry, { kind: 'project' }>) => string;
  projectList: (entries: Extract<FactEntry, { kind: 'project' }>[], name: string) => string;
};

const joinList = (and: string) => (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const projectTitle = (entry: Extract<FactEntry, { kind: 'project' }>) => (entry.year ? `${entry.name} (${entry.year})` : entry.name);

const english: Phrasebook = {
  greeting: (name) =>
    `Hi! I'm ${firstName(name)}'s assistant. Ask me about ${firstName(name)}'s tech stack, work experience, projects or how to get in touch, and I'll answer from the portfolio.`,
  identity: (name) =>
    `I'm ${firstName(name)}'s AI assistant: I answer from ${firstName(name)}'s portfolio. If you'd rather talk to ${firstName(name)} in person, just say so and I'll pass your message on.`,
  thanks: (name) => `You're welcome! Is there anything else you'd like to know about ${firstName(name)}'s work?`,
  refuseInstructions: (name) =>
    `I can't share my instructions or settings. I'm happy to answer questions about ${firstName(name)}'s work, skills, experience and projects, though.`,
  unknown: (name, terms) =>
    `${terms.length > 0 ? `I can't find anything about ${joinList('or')(terms.map((term) => `"${term}"`))} in ${firstName(name)}'s portfolio` : `That isn't something ${firstName(name)}'s portfolio covers`}, so I won't guess. I've passed your question to ${firstName(name)}, who will answer here personally.`,
  sources: 'Sources',
  list: joinList('and'),
  about: (entry) => `${entry.name} is a ${entry.title} based in ${entry.location}. ${entry.summary}`,
  location: (entry) => `${firstName(entry.name)} is based in ${entry.location}.`,
  contact: (entry) =>
    entry.email
      ? `You can email ${firstName(entry.name)} at ${entry.email}, or leave a message right here in this chat and ${firstName(entry.name)} will get back to you.`
      : `Leave a message right here in this chat and ${firstName(entry.name)} will get back to you.`,
  availability: (entry) => `${firstName(entry.name)} says: "${entry.availability}"`,
  values: (entry, name) =>
    `${firstName(name)}'s core values are ${joinList('and')(entry.values.map((value) => `${value.title} (${value.description.replace(/\.$/, '')})`))}.`,
  interests: (entry, name) => `Outside work, ${firstName(name)} is into ${joinList('and')(entry.interests)}.`,
  tech: (entry, name, usedAt) =>
    `Yes: ${entry.title}${entry.category ? ` (${entry.category})` : ''} is in ${firstName(name)}'s stack. ${entry.description}` +
    (usedAt.length > 0 ? ` It was used at ${joinList('and')(usedAt)}.` : ''),
  stack: (groups, name) =>
    `${firstName(name)}'s stack: ${groups.map((group) => `${group.category}: ${group.titles.join(', ')}`).join('; ')}.`,
  career: (entry, name) =>
    `${firstName(name)} worked as ${entry.title} at ${entry.company} (${entry.year}). ${entry.description}` +
    (entry.highlights[0] ? ` ${entry.highlights[0]}` : ''),
  careerList: (entries, name) =>
    `${firstName(name)} has worked at ${joinList('and')(entries.map((entry) => `${entry.company} as ${entry.title} (${entry.year})`))}.`,
  project: (entry) =>
    `${entry.name}${entry.year ? ` (${entry.year})` : ''}: ${entry.description}` +
    (entry.techStack.length > 0 ? ` Built with ${joinList('and')(entry.techStack)}.` : '') +
    (entry.url ? ` Live at ${entry.url}.` : entry.repoUrl ? ` Code at ${entry.repoUrl}.` : ''),
  projectList: (entries, name) =>
    `Some of ${firstName(name)}'s projects: ${joinList('and')(entries.map(projectTitle))}. Ask about any of them for details.`,
};

const indonesian: Phrasebook = {
  greeting: (name) =>
    `Halo! Saya asisten ${firstName(name)}. Tanyakan saja soal teknologi yang dipakai, pengalaman kerja, proyek, atau cara menghubungi ${firstName(name)}; saya jawab dari portofolionya.`,
  identity: (name) =>
    `Saya asisten AI ${firstName(name)} yang menjawab dari portofolionya. Kalau Anda ingin bicara langsung dengan ${firstName(name)}, bilang saja dan pesan Anda akan saya teruskan.`,
  thanks: (name) => `Sama-sama! Ada lagi yang ingin Anda ketahui tentang pekerjaan ${firstName(name)}?`,
  refuseInstructions: (name) =>
    `Maaf, instruksi dan pengaturan saya tidak bisa saya bagikan. Tapi saya senang menjawab pertanyaan tentang pekerjaan, keahlian, pengalaman, dan proyek ${firstName(name)}.`,
  unknown: (name, terms) =>
    `${terms.length > 0 ? `Saya tidak menemukan informasi tentang ${joinList('atau')(terms.map((term) => `"${term}"`))} di portofolio ${firstName(name)}` : `Hal itu tidak ada di portofolio ${firstName(name)}`}, jadi saya tidak mau menebak. Pertanyaan Anda sudah saya teruskan ke ${firstName(name)}, yang akan menjawab langsung di sini.`,
  sources: 'Sumber',
  list: joinList('dan'),
  about: (entry) => `${entry.name} adalah ${entry.title} yang berbasis di ${entry.location}. ${entry.summary}`,
  location: (entry) => `${firstName(entry.name)} tinggal dan bekerja di ${entry.location}.`,
  contact: (entry) =>
    entry.email
      ? `Anda bisa mengirim email ke ${firstName(entry.name)} di ${entry.email}, atau tinggalkan pesan di chat ini dan ${firstName(entry.name)} akan membalas.`
      : `Tinggalkan pesan di chat ini dan ${firstName(entry.name)} akan membalas.`,
  availability: (entry) => `Kata ${firstName(entry.name)}: "${entry.availability}"`,
  values: (entry, name) =>
    `Nilai-nilai utama ${firstName(name)}: ${joinList('dan')(entry.values.map((value) => `${value.title} (${value.description.replace(/\.$/, '')})`))}.`,
  interests: (entry, name) => `Di luar pekerjaan, ${firstName(name)} suka ${joinList('dan')(entry.interests)}.`,
  tech: (entry, name, usedAt) =>
    `Ya, ${entry.title}${entry.category ? ` (${entry.category})` : ''} termasuk teknologi yang dipakai ${firstName(name)}. ${entry.description}` +
    (usedAt.length > 0 ? ` Pernah dipakai di ${joinList('dan')(usedAt)}.` : ''),
  stack: (groups, name) =>
    `Teknologi yang dipakai ${firstName(name)}: ${groups.map((group) => `${group.category}: ${group.titles.join(', ')}`).join('; ')}.`,
  career: (entry, name) =>
    `${firstName(name)} pernah bekerja sebagai ${entry.title} di ${entry.company} (${entry.year}). ${entry.description}` +
    (entry.highlights[0] ? ` ${entry.highlights[0]}` : ''),
  careerList: (entries, name) =>
    `${firstName(name)} pernah bekerja di ${joinList('dan')(entries.map((entry) => `${entry.company} sebagai ${entry.title} (${entry.year})`))}.`,
  project: (entry) =>
    `${entry.name}${entry.year ? ` (${entry.year})` : ''}: ${entry.description}` +
    (entry.techStack.length > 0 ? ` Dibangun dengan ${joinList('dan')(entry.techStack)}.` : '') +
    (entry.url ? ` Bisa dilihat di ${entry.url}.` : entry.repoUrl ? ` Kodenya di ${entry.repoUrl}.` : ''),
  projectList: (entries, name) =>
    `Beberapa proyek ${firstName(name)}: ${joinList('dan')(entries.map(projectTitle))}. Tanyakan salah satunya untuk detailnya.`,
};

const phrasebooks: Record<Language, Phrasebook> = { en: english, id: indonesian };

const MAX_LISTED = 4;
/** Topics a question narrows to one thing (a technology, an employer, a kind of project). */
const SPECIFIC_TOPICS = new Set<Topic>(['skills', 'career', 'projects']);
const MAX_NAMED_FACTS = 2;

type Part = { text: string; facts: PortfolioFact[] };

const entriesOf = <K extends FactEntry['kind']>(facts: PortfolioFact[], kind: K) =>
  facts.flatMap((fact) => (fact.entry.kind === kind ? [{ fact, entry: fact.entry as Extract<FactEntry, { kind: K }> }] : []));

/** One fact the question named, written up on its own. */
function describeFact(fact: PortfolioFact, all: PortfolioFact[], book: Phrasebook, owner: string): Part {
  const { entry } = fact;
  switch (entry.kind) {
    case 'tech': {
      const usedAt = entriesOf(all, 'career').filter(({ entry: job }) => job.techStack.includes(entry.title));
      return { text: book.tech(entry, owner, usedAt.map(({ entry: job }) => job.company)), facts: [fact, ...usedAt.map(({ fact: job }) => job)] };
    }
    case 'career':
      return { text: book.career(entry, owner), facts: [fact] };
    case 'project':
      return { text: book.project(entry), facts: [fact] };
    case 'values':
      return { text: book.values(entry, owner), facts: [fact] };
    case 'interests':
      return { text: book.interests(entry, owner), facts: [fact] };
    case 'availability':
      return { text: book.availability(entry), facts: [fact] };
    case 'contact':
      return { text: book.contact(entry), facts: [fact] };
    case 'location':
      return { text: book.location(entry), facts: [fact] };
    case 'about':
      return { text: book.about(entry), facts: [fact] };
    case 'qa':
      return { text: entry.answer, facts: [fact] };
  }
}

/** A whole topic summarised from all its facts ("what's your stack" lists the stack). */
function describeTopic(topic: Topic, facts: PortfolioFact[], book: Phrasebook, owner: string): Part | null {
  const single = (kind: FactEntry['kind']) => {
    const [found] = entriesOf(facts, kind);
    return found ? describeFact(found.fact, facts, book, owner) : null;
  };
  switch (topic) {
    case 'skills': {
      const tech = entriesOf(facts, 'tech');
      if (tech.length === 0) return null;
      const groups = new Map<string, string[]>();
      for (const { entry } of tech) {
        const category = entry.category ?? 'Other';
        groups.set(category, [...(groups.get(category) ?? []), entry.title]);
      }
      return {
        text: book.stack([...groups].map(([category, titles]) => ({ category, titles })), owner),
        facts: tech.map(({ fact }) => fact),
      };
    }
    case 'career': {
      const jobs = entriesOf(facts, 'career').slice(0, MAX_LISTED);
      return jobs.length === 0 ? null : { text: book.careerList(jobs.map(({ entry }) => entry), owner), facts: jobs.map(({ fact }) => fact) };
    }
    case 'projects': {
      const projects = entriesOf(facts, 'project').slice(0, MAX_LISTED);
      return projects.length === 0
        ? null
        : { text: book.projectList(projects.map(({ entry }) => entry), owner), facts: projects.map(({ fact }) => fact) };
    }
    case 'contact':
      return single('contact');
    case 'availability':
      return single('availability');
    case 'about':
      return single('about');
    case 'location':
      return single('location');
    case 'values':
      return single('values');
    case 'interests':
      return single('interests');
  }
}

function withSources(parts: Part[], book: Phrasebook): LocalAnswer {
  const facts = [...new Set(parts.flatMap((part) => part.facts))];
  const labels = [...new Set(facts.map((fact) => (fact.source === 'tech-stack' ? 'Tech stack' : fact.label)))];
  return { text: `${parts.map((part) => part.text).join(' ')}\n\n(${book.sources}: ${labels.join('; ')})`, handover: false, facts };
}

export function composeLocalAnswer(question: string, facts: PortfolioFact[]): LocalAnswer {
  const language = detectLanguage(question);
  const book = phrasebooks[language];
  const owner = entriesOf(facts, 'about')[0]?.entry.name ?? 'the owner';
  const plain = (text: string, handover: boolean): LocalAnswer => ({ text, handover, facts: [] });

  if (isGreeting(question)) return plain(book.greeting(owner), false);
  if (isThanks(question)) return plain(book.thanks(owner), false);
  if (asksWhatItIs(question)) return plain(book.identity(owner), false);
  if (asksForInstructions(question)) return plain(book.refuseInstructions(owner), false);
  if (asksForHuman(question)) return plain(noticeText('human-requested', language, owner), true);

  const analysis = analyzeQuestion(question, facts);
  if (analysis.mentioned.length > 0) {
    return withSources(analysis.mentioned.slice(0, MAX_NAMED_FACTS).map((fact) => describeFact(fact, facts, book, owner)), book);
  }
  const topic = analysis.topics[0];
  // "Do you know Kubernetes?", "a mobile app?": a specific thing the portfolio does not have is not guessed at.
  // Asked how to get in touch ("your phone number?"), the contact facts there are still the best answer.
  if (analysis.unknownTerms.length > 0 && (!topic || SPECIFIC_TOPICS.has(topic))) {
    return plain(book.unknown(owner, analysis.unknownTerms), true);
  }

  const best = analysis.ranked[0];
  // One topic per answer: the strongest one asked about; a second would crowd the 3-4 sentences.
  const part = best && best.score >= RELEVANCE_THRESHOLD && topic ? describeTopic(topic, facts, book, owner) : null;
  return part ? withSources([part], book) : plain(book.unknown(owner, []), true);
}
