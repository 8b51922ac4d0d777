import { languageOf, type Language } from '../language';
import { firstName, noticeText } from '../notices';
import type { FactEntry, PortfolioFact } from '../portfolio-facts';
import type { Topic } from '../topics';
import type { Entity, Job, PortfolioIndex, ProjectItem, Technology } from './portfolio-index';
import { matchQaPair } from './qa-match';
import { understand, type Social, type Turn, type Understanding } from './understand';

/**
 * The built-in assistant's writer: the answer first, in the visitor's
 * language, in the third person about the owner, with at most two
 * supporting facts; or an honest handover that never quotes the visitor.
 * The facts used travel beside the text, never inside it.
 */

export type LocalAnswer = { text: string; handover: boolean; facts: PortfolioFact[] };

type Quote = (text: string) => string;

/** Owner text in the other language is marked as a quote instead of being pasted into the answer. */
const quoteIn = (language: Language): Quote => (text) => {
  const own = languageOf(text) ?? 'en';
  if (own === language) return text;
  return language === 'id' ? `(Dari portofolionya, dalam bahasa Inggris: "${text}")` : `(From the portfolio, in Indonesian: "${text}")`;
};

const joinList = (and: string) => (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const years = (count: number, language: Language) =>
  count < 1 ? (language === 'id' ? 'kurang dari setahun' : 'less than a year') : language === 'id' ? `sekitar ${count} tahun` : `about ${count} year${count === 1 ? '' : 's'}`;

function phrasebook(language: Language, owner: string) {
  const name = firstName(owner);
  const id = language === 'id';
  const list = joinList(id ? 'dan' : 'and');
  const period = (job: Job) => job.year;
  return {
    list,
    social: (social: Social) =>
      ({
        greeting: id
          ? `Halo! Saya asisten ${name}. Tanyakan saja soal teknologi yang dipakai, pengalaman kerja, proyek, atau cara menghubungi ${name}; saya jawab dari portofolionya.`
          : `Hi! I'm ${name}'s assistant. Ask me about ${name}'s tech stack, work experience, projects or how to get in touch, and I'll answer from the portfolio.`,
        smallTalk: id
          ? `Baik, terima kasih sudah bertanya! Saya asisten ${name}; ada yang ingin Anda ketahui tentang pekerjaan ${name}?`
          : `Doing well, thanks for asking! I'm ${name}'s assistant; is there anything you'd like to know about ${name}'s work?`,
        thanks: id ? `Sama-sama! Ada lagi yang ingin Anda ketahui tentang pekerjaan ${name}?` : `You're welcome! Is there anything else you'd like to know about ${name}'s work?`,
        goodbye: id ? `Sampai jumpa, terima kasih sudah mampir!` : `Goodbye, and thanks for stopping by!`,
        compliment: id ? `Terima kasih! Ada lagi yang ingin Anda tanyakan tentang ${name}?` : `Thank you! Anything else you'd like to know about ${name}?`,
        back: id ? `Selamat datang kembali! Ada yang bisa saya bantu?` : `Welcome back! What would you like to know?`,
      })[social],
    identity: id
      ? `Saya asisten AI ${name} yang menjawab dari portofolionya. Kalau Anda ingin bicara langsung dengan ${name}, bilang saja dan pesan Anda akan saya teruskan.`
      : `I'm ${name}'s AI assistant: I answer from ${name}'s portfolio. If you'd rather talk to ${name} in person, just say so and I'll pass your message on.`,
    refuseInstructions: id
      ? `Maaf, instruksi dan pengaturan saya tidak bisa saya bagikan atau ubah. Tapi saya senang menjawab pertanyaan tentang pekerjaan, keahlian, pengalaman, dan proyek ${name}.`
      : `I can't share or change my instructions or settings. I'm happy to answer questions about ${name}'s work, skills, experience and projects, though.`,
    angry: id
      ? `Maaf atas pengalaman yang kurang menyenangkan ini. Saya sudah memberi tahu ${name}, yang akan membalas langsung di sini.`
      : `I'm sorry this hasn't been helpful. I've let ${name} know, and ${name} will reply here personally.`,
    unknown: id
      ? `Hal itu tidak ada di portofolio ${name}, jadi saya tidak mau menebak. Pertanyaan Anda sudah saya teruskan ke ${name}, yang akan menjawab langsung di sini.`
      : `That isn't something ${name}'s portfolio covers, so I won't guess. I've passed your question to ${name}, who will answer here personally.`,
    location: (entry: Extract<FactEntry, { kind: 'location' }>) => (id ? `${name} tinggal dan bekerja di ${entry.location}.` : `${name} is based in ${entry.location}.`),
    about: (entry: Extract<FactEntry, { kind: 'about' }>) =>
      id ? `${entry.name} adalah ${entry.title} yang berbasis di ${entry.location}.` : `${entry.name} is a ${entry.title} based in ${entry.location}.`,
    contact: (email: string | null) =>
      email
        ? id
          ? `Anda bisa mengirim email ke ${name} di ${email}, atau tinggalkan pesan di chat ini dan ${name} akan membalas.`
          : `You can email ${name} at ${email}, or leave a message right here in this chat and ${name} will get back to you.`
        : id
          ? `Tinggalkan pesan di chat ini dan ${name} akan membalas.`
          : `Leave a message right here in this chat and ${name} will get back to you.`,
    availability: (text: string) => {
      const foreign = (languageOf(text) ?? 'en') !== language;
      return id ? `Kata ${name} di portofolionya${foreign ? ' (dalam bahasa Inggris)' : ''}: "${text}"` : `${name} says${foreign ? ' (in Indonesian)' : ''}: "${text}"`;
    },
    values: (values: string[]) => (id ? `Nilai-nilai utama ${name}: ${list(values)}.` : `${name}'s core values are ${list(values)}.`),
    interests: (interests: string[]) => (id ? `Di luar pekerjaan, ${name} suka ${list(interests)}.` : `Outside work, ${name} is into ${list(interests)}.`),
    stack: (groups: string[]) => (id ? `Teknologi yang dipakai ${name}: ${groups.join('; ')}.` : `${name}'s stack: ${groups.join('; ')}.`),
    job: (job: Job) =>
      job.current
        ? id
          ? `Saat ini ${name} bekerja sebagai ${job.title} di ${job.company} (${period(job)}).`
          : `${name} currently works as ${job.title} at ${job.company} (${period(job)}).`
        : id
          ? `${name} bekerja sebagai ${job.title} di ${job.company} (${period(job)}).`
          : `${name} worked as ${job.title} at ${job.company} (${period(job)}).`,
    mostRecentJob: (job: Job) =>
      id
        ? `Pekerjaan terakhir ${name} di portofolio: ${job.title} di ${job.company} (${period(job)}).`
        : `${name}'s most recent job in the portfolio is ${job.title} at ${job.company} (${period(job)}).`,
    jobs: (jobs: Job[]) =>
      id
        ? `${name} pernah bekerja di ${list(jobs.map((job) => `${job.company} sebagai ${job.title} (${period(job)})`))}.`
        : `${name} has worked at ${list(jobs.map((job) => `${job.company} as ${job.title} (${period(job)})`))}.`,
    // The job answered about comes first: a follow-up ("and before that?") refers to the first thing an answer names.
    before: (job: Job, later: Job) =>
      id
        ? `${job.company}: ${name} bekerja sebagai ${job.title} di sana (${period(job)}), sebelum ${later.company}.`
        : `${job.company}: ${name} worked there as ${job.title} (${period(job)}), before ${later.company}.`,
    after: (job: Job, earlier: Job) =>
      id
        ? `${job.company}: ${name} bekerja sebagai ${job.title} di sana (${period(job)}), setelah ${earlier.company}.`
        : `${job.company}: ${name} worked there as ${job.title} (${period(job)}), after ${earlier.company}.`,
    noBefore: (job: Job) =>
      id ? `${job.company} adalah pekerjaan pertama ${name} di portofolio (${period(job)}).` : `${job.company} is the first job in ${name}'s portfolio (${period(job)}).`,
    noAfter: (job: Job) =>
      id ? `${job.company} adalah pekerjaan ${name} yang paling baru (${period(job)}).` : `${job.company} is ${name}'s most recent job (${period(job)}).`,
    firstJob: (job: Job) =>
      id
        ? `Pekerjaan pertama ${name} adalah ${job.title} di ${job.company} (${period(job)}).`
        : `${name}'s first job was ${job.title} at ${job.company} (${period(job)}).`,
    jobDuration: (job: Job, count: number) =>
      job.current
        ? id
          ? `${name} sudah ${years(count, language)} di ${job.company}, sejak ${job.start} sampai sekarang.`
          : `${name} has been at ${job.company} for ${years(count, language)}, since ${job.start}.`
        : id
          ? `${name} bekerja di ${job.company} selama ${years(count, language)} (${period(job)}).`
          : `${name} was at ${job.company} for ${years(count, language)} (${period(job)}).`,
    codingSince: (start: number, count: number, first: Job) =>
      id
        ? `${name} sudah berkarier sebagai developer sejak ${start}, jadi ${years(count, language)}. Pekerjaan pertamanya: ${first.title} di ${first.company}.`
        : `${name} has been working as a developer since ${start}, so ${years(count, language)}. The first job was ${first.title} at ${first.company}.`,
    techSince: (tech: string, start: number, count: number) =>
      id ? `${name} memakai ${tech} sejak ${start} (${years(count, language)}).` : `${name} has used ${tech} since ${start} (${years(count, language)}).`,
    project: (project: ProjectItem) =>
      id
        ? `${project.name}${project.year ? ` (${project.year})` : ''} adalah proyek ${name}.`
        : `${project.name}${project.year ? ` (${project.year})` : ''} is one of ${name}'s projects.`,
    latestProject: (project: ProjectItem) =>
      id
        ? `Proyek terbaru ${name} adalah ${project.name}${project.year ? ` (${project.year})` : ''}.`
        : `${name}'s latest project is ${project.name}${project.year ? ` (${project.year})` : ''}.`,
    firstProject: (project: ProjectItem) =>
      id
        ? `Proyek ${name} yang paling awal di portofolio adalah ${project.name}${project.year ? ` (${project.year})` : ''}.`
        : `The earliest project in ${name}'s portfolio is ${project.name}${project.year ? ` (${project.year})` : ''}.`,
    projectYear: (project: ProjectItem) =>
      project.year
        ? id
          ? `${name} membuat ${project.name} pada ${project.year}.`
          : `${name} built ${project.name} in ${project.year}.`
        : id
          ? `Portofolio tidak menyebut tahun ${project.name}.`
          : `The portfolio does not give a year for ${project.name}.`,
    projects: (projects: ProjectItem[]) =>
      id
        ? `Beberapa proyek ${name}: ${list(projects.map((project) => project.name))}. Tanyakan salah satunya untuk detailnya.`
        : `Some of ${name}'s projects: ${list(projects.map((project) => project.name))}. Ask about any of them for details.`,
    builtWith: (thing: string, techs: string[]) => (id ? `${thing} dibangun dengan ${list(techs)}.` : `${thing} was built with ${list(techs)}.`),
    usedAtJob: (job: Job, techs: string[]) => (id ? `Di ${job.company}, ${name} memakai ${list(techs)}.` : `At ${job.company}, ${name} used ${list(techs)}.`),
    noStackListed: (thing: string) => (id ? `Portofolio tidak menyebut teknologi untuk ${thing}.` : `The portfolio lists no technologies for ${thing}.`),
    projectsUsing: (tech: string, projects: ProjectItem[]) =>
      id
        ? `Proyek ${name} yang memakai ${tech}: ${list(projects.map((project) => project.name))}.`
        : `${name}'s projects that use ${tech}: ${list(projects.map((project) => project.name))}.`,
    jobsUsing: (tech: string, jobs: Job[]) =>
      id ? `${name} memakai ${tech} di ${list(jobs.map((job) => job.company))}.` : `${name} used ${tech} at ${list(jobs.map((job) => job.company))}.`,
    noProjectUses: (tech: string) => (id ? `Tidak ada proyek di portofolio yang memakai ${tech}.` : `None of the portfolio's projects uses ${tech}.`),
    techYes: (tech: Technology) =>
      tech.stack
        ? id
          ? `Ya, ${tech.title} termasuk teknologi yang dipakai ${name}.`
          : `Yes, ${tech.title} is in ${name}'s stack.`
        : id
          ? `Ya, ${name} pernah memakai ${tech.title}.`
          : `Yes, ${name} has used ${tech.title}.`,
    mentionedWith: (tech: string) => (id ? `Ya, portofolio ${name} menyebutnya di bagian ${tech}.` : `Yes: ${name}'s portfolio mentions it under ${tech}.`),
    techUsedIn: (places: string[]) => (id ? `Dipakai di ${list(places)}.` : `Used at ${list(places)}.`),
    uses: (present: string[]) => (id ? `${name} memakai ${list(present)}.` : `${name} uses ${list(present)}.`),
    notListed: (missing: string[]) =>
      missing.length === 0 ? '' : id ? `${list(missing)} tidak ada di portofolionya.` : `${list(missing)} ${missing.length > 1 ? 'are' : 'is'} not in the portfolio.`,
    projectUses: (project: string, tech: string) => (id ? `Ya, ${project} memakai ${tech}.` : `Yes, ${project} uses ${tech}.`),
    projectLacks: (project: string, tech: string, used: string[]) =>
      id
        ? `Tidak, ${project} tidak memakai ${tech}${used.length > 0 ? `; ${project} dibangun dengan ${list(used)}` : ''}.`
        : `No, ${project} doesn't use ${tech}${used.length > 0 ? `; it was built with ${list(used)}` : ''}.`,
    jobUses: (company: string, tech: string) => (id ? `Ya, ${name} memakai ${tech} di ${company}.` : `Yes, ${name} used ${tech} at ${company}.`),
    jobLacks: (company: string, tech: string, used: string[]) =>
      id
        ? `Tidak, ${tech} tidak tercantum untuk ${company}${used.length > 0 ? `; di sana ${name} memakai ${list(used)}` : ''}.`
        : `No, ${tech} isn't listed for ${company}${used.length > 0 ? `; there ${name} used ${list(used)}` : ''}.`,
    link: (thing: string, url: string, code: boolean) =>
      code ? (id ? `Kode ${thing} ada di ${url}.` : `The code for ${thing} is at ${url}.`) : id ? `${thing} bisa dilihat di ${url}.` : `You can see ${thing} at ${url}.`,
    noCode: (thing: string) => (id ? `Kode ${thing} tidak dipublikasikan.` : `The code for ${thing} isn't public.`),
    linkedin: (url: string) => (id ? `LinkedIn ${name}: ${url}.` : `${name}'s LinkedIn is ${url}.`),
    github: (url: string) => (id ? `GitHub ${name}: ${url}.` : `${name}'s GitHub is ${url}.`),
    example: (project: ProjectItem, url: string) => (id ? `Contohnya, ${project.name}: ${url}.` : `For example, ${project.name}: ${url}.`),
    links: (items: string[]) => (id ? `Tautan proyek ${name}: ${list(items)}.` : `Links to ${name}'s projects: ${list(items)}.`),
  };
}

type Book = ReturnType<typeof phrasebook>;

type Draft = { sentences: string[]; facts: PortfolioFact[] };

const MAX_LISTED = 4;
/** The answer plus at most this many supporting facts. */
const MAX_SUPPORT = 2;
const SPECIFIC_TOPICS = new Set<Topic>(['skills', 'career', 'projects']);

const yearsBetween = (start: number, end: number) => Math.max(0, end - start);

function entityFact(entity: Entity): PortfolioFact {
  if (entity.kind === 'job') return entity.job.fact;
  if (entity.kind === 'project') return entity.project.fact;
  return entity.tech.stack?.fact ?? entity.tech.jobs[0]?.fact ?? entity.tech.projects[0]!.fact;
}

function describe(entity: Entity, book: Book, quote: Quote): Draft {
  if (entity.kind === 'job') {
    const { job } = entity;
    // One quote for the owner's words, not one per sentence.
    return { sentences: [book.job(job), quote([job.description, ...job.highlights.slice(0, 1)].join(' '))], facts: [job.fact] };
  }
  if (entity.kind === 'project') {
    const { project } = entity;
    return {
      sentences: [book.project(project), quote(project.description), project.techStack.length > 0 ? book.builtWith(project.name, project.techStack) : ''],
      facts: [project.fact],
    };
  }
  const { tech } = entity;
  return {
    sentences: [book.techYes(tech), tech.stack ? quote(tech.stack.description) : '', techPlaces(tech, book)],
    facts: [...(tech.stack ? [tech.stack.fact] : []), ...tech.jobs.slice(0, 1).map((job) => job.fact), ...tech.projects.slice(0, 1).map((project) => project.fact)],
  };
}

/** Where a technology was used: "Used at Kopiloka, Gerbang Digital Agency and Warung POS." */
function techPlaces(tech: Technology, book: Book): string {
  const places = [...tech.jobs.map((job) => job.company), ...tech.projects.map((project) => project.name)];
  return places.length > 0 ? book.techUsedIn(places.slice(0, 3)) : '';
}

function stackOf(entity: Entity, book: Book): Draft | null {
  if (entity.kind === 'project') {
    const { project } = entity;
    return { sentences: [project.techStack.length > 0 ? book.builtWith(project.name, project.techStack) : book.noStackListed(project.name)], facts: [project.fact] };
  }
  if (entity.kind === 'job') {
    const { job } = entity;
    return { sentences: [job.techStack.length > 0 ? book.usedAtJob(job, job.techStack) : book.noStackListed(job.company)], facts: [job.fact] };
  }
  return null;
}

function topicSummary(topic: Topic, index: PortfolioIndex, book: Book, quote: Quote): Draft | null {
  const fact = (id: string) => index.facts.find((candidate) => candidate.id === id);
  switch (topic) {
    case 'skills': {
      const stack = index.facts.filter((candidate) => candidate.entry.kind === 'tech');
      if (stack.length === 0) return null;
      const groups = new Map<string, string[]>();
      for (const { entry } of stack) {
        if (entry.kind !== 'tech') continue;
        const category = entry.category ?? 'Other';
        groups.set(category, [...(groups.get(category) ?? []), entry.title]);
      }
      return { sentences: [book.stack([...groups].map(([category, titles]) => `${category}: ${titles.join(', ')}`))], facts: stack };
    }
    case 'career': {
      const jobs = index.jobs.slice(0, MAX_LISTED);
      return jobs.length === 0 ? null : { sentences: [book.jobs(jobs)], facts: jobs.map((job) => job.fact) };
    }
    case 'projects': {
      const projects = index.projects.slice(0, MAX_LISTED);
      return projects.length === 0 ? null : { sentences: [book.projects(projects)], facts: projects.map((project) => project.fact) };
    }
    case 'contact':
      return contactDraft(index, book);
    case 'about': {
      const found = fact('about');
      if (found?.entry.kind !== 'about') return null;
      return { sentences: [book.about(found.entry), quote(found.entry.summary)], facts: [found] };
    }
    case 'location': {
      const found = fact('location');
      return found?.entry.kind === 'location' ? { sentences: [book.location(found.entry)], facts: [found] } : null;
    }
    case 'availability': {
      const found = fact('availability');
      return found?.entry.kind === 'availability' ? { sentences: [book.availability(found.entry.availability)], facts: [found] } : null;
    }
    case 'values': {
      const found = fact('values');
      return found?.entry.kind === 'values'
        ? { sentences: [book.values(found.entry.values.map((value) => value.title))], facts: [found] }
        : null;
    }
    case 'interests': {
      const found = fact('interests');
      return found?.entry.kind === 'interests' ? { sentences: [book.interests(found.entry.interests)], facts: [found] } : null;
    }
  }
}

function contactDraft(index: PortfolioIndex, book: Book): Draft | null {
  const fact = index.contact;
  return fact?.entry.kind === 'contact' ? { sentences: [book.contact(fact.entry.email)], facts: [fact] } : null;
}

function linkDraft(entity: Entity | null, wantsCode: boolean, wantsGithub: boolean, index: PortfolioIndex, book: Book): Draft | null {
  if (entity?.kind === 'project') {
    const { project } = entity;
    const url = wantsCode ? project.repoUrl : (project.url ?? project.repoUrl);
    if (url) return { sentences: [book.link(project.name, url, url === project.repoUrl)], facts: [project.fact] };
    if (wantsCode && project.url) return { sentences: [book.noCode(project.name), book.link(project.name, project.url, false)], facts: [project.fact] };
    return null;
  }
  const { github } = index.profileLinks;
  if ((wantsGithub || wantsCode) && github) {
    const example = index.projects.find((project) => project.repoUrl);
    return {
      sentences: [book.github(github), example?.repoUrl ? book.example(example, example.repoUrl) : ''],
      facts: index.projects.filter((project) => project.repoUrl).slice(0, 1).map((project) => project.fact),
    };
  }
  const linked = index.projects.filter((project) => project.url ?? project.repoUrl).slice(0, MAX_SUPPORT + 1);
  if (wantsGithub || linked.length === 0) return null;
  return { sentences: [book.links(linked.map((project) => `${project.name} (${project.url ?? project.repoUrl})`))], facts: linked.map((project) => project.fact) };
}

function careerMove(job: Job, direction: 'previous' | 'next', index: PortfolioIndex, book: Book): Draft {
  const position = index.jobs.indexOf(job);
  const other = index.jobs[direction === 'previous' ? position + 1 : position - 1];
  if (!other) return { sentences: [direction === 'previous' ? book.noBefore(job) : book.noAfter(job)], facts: [job.fact] };
  return { sentences: [direction === 'previous' ? book.before(other, job) : book.after(other, job)], facts: [other.fact] };
}

const currentJob = (index: PortfolioIndex) => index.jobs.find((job) => job.current) ?? null;

type Question = Extract<Understanding, { kind: 'question' }>;

/** Questions about time: how long, since when, the current, first, previous or next job, the latest project. */
function answerAboutTime(question: Question, subject: Entity | null, index: PortfolioIndex, book: Book, quote: Quote, year: number): Draft | null {
  const { shape } = question;
  const topic = question.topics[0];
  const job = subject?.kind === 'job' ? subject.job : null;
  const stay = (target: Job): Draft => ({ sentences: [book.jobDuration(target, yearsBetween(target.start ?? year, target.end ?? year))], facts: [target.fact] });
  const first = index.jobs.at(-1);
  const career = (): Draft | null =>
    first?.start ? { sentences: [book.codingSince(first.start, yearsBetween(first.start, year), first)], facts: [first.fact] } : null;
  const aboutCareer = job !== null || topic === 'career' || (!topic && !subject);

  if (shape.duration) {
    if (job) return stay(job);
    if (subject?.kind === 'tech') {
      const { tech } = subject;
      const starts = [...tech.jobs.map((entry) => entry.start), ...tech.projects.map((entry) => entry.startYear)].filter((value) => value !== null);
      if (starts.length > 0) {
        const since = Math.min(...starts);
        return { sentences: [book.techSince(tech.title, since, yearsBetween(since, year))], facts: [entityFact(subject)] };
      }
    }
    const target = shape.first ? first : shape.current ? currentJob(index) : null;
    if (target) return stay(target);
    if (aboutCareer || shape.coding) return career();
  }
  // "Since when do you code?"
  if (shape.when && !subject && shape.coding) return career();

  if (topic === 'projects' && !subject && (shape.latest || shape.current || shape.first)) {
    const project = shape.first ? index.projects.at(-1) : index.projects[0];
    if (project) return { sentences: [shape.first ? book.firstProject(project) : book.latestProject(project), quote(project.description)], facts: [project.fact] };
  }
  if (!aboutCareer || !first) return null;
  const anchor = job ?? (shape.current || !shape.first ? (currentJob(index) ?? index.jobs[0]!) : null);
  if (shape.previous && anchor) return careerMove(anchor, 'previous', index, book);
  if (shape.next && job) return careerMove(job, 'next', index, book);
  if (shape.first && !job) return { sentences: [book.firstJob(first), quote(first.description)], facts: [first.fact] };
  if ((shape.current || shape.latest) && !job) {
    const current = currentJob(index);
    const target = current ?? index.jobs[0]!;
    return { sentences: [current ? book.job(current) : book.mostRecentJob(target), quote(target.description)], facts: [target.fact] };
  }
  return null;
}

/** "Which of your projects uses Tailwind?", "Di perusahaan mana pakai Go?" */
function whereUsed(tech: Technology, topic: Topic | undefined, book: Book): Draft {
  if (topic === 'career' && tech.jobs.length > 0) {
    return { sentences: [book.jobsUsing(tech.title, tech.jobs)], facts: tech.jobs.slice(0, MAX_LISTED).map((entry) => entry.fact) };
  }
  const atJobs = tech.jobs.length > 0 ? book.jobsUsing(tech.title, tech.jobs.slice(0, MAX_SUPPORT)) : '';
  if (tech.projects.length === 0) return { sentences: [book.noProjectUses(tech.title), atJobs], facts: [entityFact({ kind: 'tech', tech })] };
  return { sentences: [book.projectsUsing(tech.title, tech.projects), atJobs], facts: tech.projects.slice(0, MAX_LISTED).map((entry) => entry.fact) };
}

/** Writes the answer to one understood question, or null when the portfolio has nothing that fits. */
function answerQuestion(question: Question, index: PortfolioIndex, book: Book, quote: Quote, now: Date): Draft | null {
  const { shape, topics, named, unknownTerms } = question;
  const subject = named[0] ?? question.referred;
  const topic = topics[0];
  const techs = named.flatMap((entity) => (entity.kind === 'tech' ? [entity.tech] : []));

  if (shape.price || (shape.education && !subject)) return null;
  // "Go or Rust?": what of each the portfolio has.
  if (shape.or && techs.length > 0 && techs.length + unknownTerms.length >= 2) {
    return {
      sentences: [book.uses(techs.map((tech) => tech.title)), techPlaces(techs[0]!, book), book.notListed(question.unknownWritten.slice(0, 2))],
      facts: techs.map((tech) => entityFact({ kind: 'tech', tech })),
    };
  }
  // A technology, company or project the portfolio lacks is not guessed at.
  if (unknownTerms.length > 0 && !subject && (!topic || SPECIFIC_TOPICS.has(topic) || shape.yesNo)) return null;
  if (shape.linkedin && !subject) {
    const { linkedin } = index.profileLinks;
    return linkedin ? { sentences: [book.linkedin(linkedin)], facts: [] } : null;
  }
  // "Does it use Tailwind?" about a project or job: that pair, not the technology in general.
  const thing = named.find((entity) => entity.kind !== 'tech') ?? (question.referred?.kind === 'tech' ? null : question.referred);
  if (techs[0] && thing && (shape.yesNo || shape.stack || topic === 'skills')) {
    const [tech] = techs;
    const { techStack, fact } = thing.kind === 'job' ? thing.job : thing.project;
    const uses = techStack.some((title) => title.toLowerCase() === tech.title.toLowerCase());
    const sentence =
      thing.kind === 'job'
        ? uses ? book.jobUses(thing.job.company, tech.title) : book.jobLacks(thing.job.company, tech.title, techStack)
        : uses ? book.projectUses(thing.project.name, tech.title) : book.projectLacks(thing.project.name, tech.title, techStack);
    return { sentences: [sentence], facts: [fact] };
  }
  const timed = answerAboutTime(question, subject, index, book, quote, now.getFullYear());
  if (timed) return timed;
  if (shape.link && (subject?.kind === 'project' || shape.code || topics.length === 0 || shape.list)) {
    const draft = linkDraft(subject?.kind === 'project' ? subject : null, shape.code, shape.github, index, book);
    if (draft || subject?.kind === 'project' || !topic) return draft;
  }
  if (topic === 'contact' && !subject) return contactDraft(index, book);
  // "How many users does it have?": something about a named thing the portfolio does not say.
  const asksAnything = shape.stack || shape.when || shape.duration || shape.describe || shape.previous || shape.next || shape.which || shape.list;
  if (unknownTerms.length > 0 && subject && subject.kind !== 'tech' && !asksAnything) return null;

  if (subject?.kind === 'project' && shape.when) return { sentences: [book.projectYear(subject.project)], facts: [subject.project.fact] };
  if (subject?.kind === 'job' && shape.when) return { sentences: [book.job(subject.job)], facts: [subject.job.fact] };
  if (subject && subject.kind !== 'tech' && (shape.stack || (topic === 'skills' && !shape.yesNo))) return stackOf(subject, book);
  const tech = techs[0] ?? (subject?.kind === 'tech' ? subject.tech : null);
  if (tech && (shape.which || topic === 'projects' || topic === 'career' || shape.list)) return whereUsed(tech, topic, book);
  // "Warung POS and Pantau Banjir?": one line on each.
  if (named.length > 1 && named.every((entity) => entity.kind !== 'tech')) {
    const drafts = named.slice(0, 2).map((entity) => describe(entity, book, quote));
    return { sentences: drafts.map((draft) => draft.sentences[0]!), facts: drafts.flatMap((draft) => draft.facts) };
  }
  if (subject) return describe(subject, book, quote);
  if (topic) return topicSummary(topic, index, book, quote);
  return mentionedIn(question.otherTerms, index, book, quote);
}

/** "Do you know Express?": a word no name or topic covers, found in one fact's text, answered from that fact. */
function mentionedIn(terms: string[], index: PortfolioIndex, book: Book, quote: Quote): Draft | null {
  const [fact] = terms.flatMap((term) => index.known.get(term) ?? []);
  if (!fact) return null;
  const entity = entityOfFact(fact, index);
  if (entity) {
    const draft = describe(entity, book, quote);
    return entity.kind === 'tech' ? { ...draft, sentences: [book.mentionedWith(entity.tech.title), quote(entity.tech.stack?.description ?? '')] } : draft;
  }
  const topicDraft = topicSummary(fact.topic, index, book, quote);
  return topicDraft && { ...topicDraft, facts: [fact] };
}

function entityOfFact(fact: PortfolioFact, index: PortfolioIndex): Entity | null {
  const job = index.jobs.find((candidate) => candidate.fact === fact);
  if (job) return { kind: 'job', job };
  const project = index.projects.find((candidate) => candidate.fact === fact);
  if (project) return { kind: 'project', project };
  const tech = index.technologies.find((candidate) => candidate.stack?.fact === fact);
  return tech ? { kind: 'tech', tech } : null;
}

/**
 * The answer to the visitor's latest message, read with the conversation
 * before it (at most the last ten messages). `now` dates "since 2023" to
 * "three years".
 */
export function composeLocalAnswer(conversation: Turn[], index: PortfolioIndex, now = new Date()): LocalAnswer {
  const understood = understand(conversation, index);
  const { language } = understood;
  const book = phrasebook(language, index.ownerName);
  const plain = (text: string, handover: boolean): LocalAnswer => ({ text, handover, facts: [] });
  switch (understood.kind) {
    case 'instructions':
      return plain(book.refuseInstructions, false);
    case 'human':
      return plain(noticeText('human-requested', language, index.ownerName), true);
    case 'angry':
      return plain(book.angry, true);
    case 'identity':
      return plain(book.identity, false);
    case 'social':
      return plain(book.social(understood.social), false);
    case 'question': {
      // The owner's own answer to this very question comes before anything composed from the rest.
      const latest = conversation.at(-1)?.text ?? '';
      const asked = matchQaPair(latest, index.qa, language, true);
      if (asked) return { text: asked.answer, handover: false, facts: [asked.fact] };
      const draft = answerQuestion(understood, index, book, quoteIn(language), now);
      if (!draft) {
        const near = matchQaPair(latest, index.qa, language, false);
        return near ? { text: near.answer, handover: false, facts: [near.fact] } : plain(book.unknown, true);
      }
      const [answer, ...support] = draft.sentences.filter(Boolean);
      return { text: [answer, ...support.slice(0, MAX_SUPPORT)].join(' '), handover: false, facts: [...new Set(draft.facts)] };
    }
  }
}
