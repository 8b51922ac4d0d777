import { normalizePortfolio, portfolioDocumentSchema, type PortfolioDocument } from './schema';

/**
 * The sample portfolio seeded into an empty database so a fresh install shows
 * a complete site. Every row is stored with is_sample = true: the home page
 * says so, and the owner removes it in one click or replaces it by saving
 * their own content.
 */
export const samplePortfolio: PortfolioDocument = normalizePortfolio(
  portfolioDocumentSchema.parse({
    about: {
      name: 'Rizky Pratama',
      title: 'Full-Stack Developer',
      location: 'Bandung, Indonesia',
      narrativeTitle: 'Building calm, fast software for busy teams',
      narrativeContent:
        "I'm a full-stack developer from Bandung with six years of experience shipping web products for startups and agencies across Southeast Asia. I like owning a feature end to end: the database schema, the API, the interface and the deploy pipeline. Lately I've focused on TypeScript, Next.js and Go services that stay fast under real traffic, and on mentoring junior developers in our local community.",
      coreValues: [
        { icon: 'target', title: 'Ship small, ship often', description: 'Small pull requests, feature flags and quick feedback beat big-bang releases.' },
        { icon: 'shield', title: 'Reliability first', description: 'Tests, observability and boring technology where it counts.' },
        { icon: 'users', title: 'Clear communication', description: 'Written design notes and honest estimates, in English or Bahasa Indonesia.' },
      ],
      interests: ['Open source', 'Developer tooling', 'Coffee roasting', 'Mountain hiking', 'Photography'],
      email: 'hello@rizkypratama.example',
      availability:
        'Open to freelance and contract work from January 2027: web apps, API design and performance audits, remote or in Bandung/Jakarta.',
    },
    techStack: [
      { title: 'TypeScript', category: 'Language', description: 'My default language for front-end and Node.js back-end work.' },
      { title: 'JavaScript', category: 'Language', description: 'Eight years of it, from jQuery widgets to modern ES modules.' },
      { title: 'Go', category: 'Language', description: 'High-throughput APIs and background workers.' },
      { title: 'PHP', category: 'Language', description: 'Laravel applications and legacy system maintenance.' },
      { title: 'React', category: 'Frontend', description: 'Component design, hooks and accessible interfaces.' },
      { title: 'Next.js', category: 'Frontend', description: 'App Router, server components and edge-friendly rendering.' },
      { title: 'Tailwind CSS', category: 'Frontend', description: 'Design systems and responsive layouts.' },
      { title: 'Node.js', category: 'Backend', description: 'REST and realtime services with Express, Fastify and Socket.IO.' },
      { title: 'Laravel', category: 'Backend', description: 'Full-featured PHP back ends with queues and Horizon.' },
      { title: 'MySQL', category: 'Database', description: 'Schema design, indexing and query tuning.' },
      { title: 'PostgreSQL', category: 'Database', description: 'Relational modelling, JSONB and full-text search.' },
      { title: 'Redis', category: 'Database', description: 'Caching, rate limiting, queues and pub/sub.' },
      { title: 'Docker', category: 'DevOps', description: 'Reproducible development and production images.' },
      { title: 'AWS', category: 'DevOps', description: 'EC2, S3, RDS, Lambda and CloudFront deployments.' },
    ],
    career: [
      {
        year: '2023 – now',
        title: 'Senior Full-Stack Engineer',
        subtitle: 'Kopiloka (coffee subscription startup), Jakarta – remote',
        description: 'Lead engineer for the customer web app and the subscription billing platform.',
        techStack: ['Next.js', 'TypeScript', 'Go', 'PostgreSQL', 'Redis', 'AWS'],
        keyProjects: ['Subscription billing rewrite', 'Next.js storefront migration'],
        projectList: [
          { name: 'Billing service in Go', type: 'Backend' },
          { name: 'Storefront on Next.js', type: 'Frontend' },
        ],
        bulletPoints: [
          'Cut checkout time from 2.1 s to 600 ms by moving the storefront to Next.js server components.',
          'Rebuilt recurring billing in Go, handling 40,000 subscriptions a month with zero double charges.',
          'Mentor three junior developers and run the weekly architecture review.',
        ],
      },
      {
        year: '2021 – 2023',
        title: 'Full-Stack Developer',
        subtitle: 'Gerbang Digital Agency, Bandung',
        description: 'Built web applications for government and retail clients.',
        techStack: ['Laravel', 'PHP', 'React', 'MySQL', 'Docker'],
        keyProjects: ['Regional tourism portal', 'Retail inventory dashboard'],
        projectList: [
          { name: 'Tourism portal for West Java', type: 'Web' },
          { name: 'Inventory dashboard', type: 'Internal tool' },
        ],
        bulletPoints: [
          'Delivered 12 client projects on schedule with a team of five.',
          'Introduced Docker-based environments, cutting onboarding from three days to two hours.',
        ],
      },
      {
        year: '2019 – 2021',
        title: 'Backend Developer',
        subtitle: 'Pasar Tani (agritech marketplace), Yogyakarta',
        description: 'Built the APIs connecting farmers with restaurants and grocery buyers.',
        techStack: ['Node.js', 'JavaScript', 'MySQL', 'Redis'],
        keyProjects: ['Order matching API', 'SMS ordering gateway'],
        projectList: [{ name: 'Order matching API', type: 'Backend' }],
        bulletPoints: [
          'Designed the order matching API used by 1,500 farmers.',
          'Added Redis caching that halved database load at harvest peaks.',
        ],
      },
      {
        year: '2018 – 2019',
        title: 'Junior Web Developer',
        subtitle: 'Freelance, Bandung',
        description: 'Company profiles and online shops for small businesses around Bandung.',
        techStack: ['PHP', 'JavaScript', 'MySQL'],
        keyProjects: ['Batik shop e-commerce site'],
        projectList: [],
        bulletPoints: ['Built and maintained 15 websites for local businesses.'],
      },
    ],
    projects: [
      {
        name: 'Warung POS',
        description: 'An offline-first point-of-sale app for small Indonesian food stalls, with QRIS payments and daily sales reports.',
        techStack: ['Next.js', 'TypeScript', 'PostgreSQL', 'Tailwind CSS'],
        year: '2024',
        url: 'https://warungpos.example',
        repoUrl: 'https://github.com/rizkypratama/warung-pos',
      },
      {
        name: 'Jadwal Sholat API',
        description: 'A free, cached prayer-times API for every city in Indonesia, serving two million requests a month.',
        techStack: ['Go', 'Redis', 'Docker'],
        year: '2023',
        url: 'https://jadwal.example',
        repoUrl: 'https://github.com/rizkypratama/jadwal-sholat-api',
      },
      {
        name: 'Kopiloka Storefront',
        description: 'The subscription storefront of a Jakarta coffee startup, rebuilt on Next.js for sub-second checkout.',
        techStack: ['Next.js', 'React', 'TypeScript', 'AWS'],
        year: '2024',
        url: 'https://kopiloka.example',
      },
      {
        name: 'Pantau Banjir',
        description: 'A community flood-report map for Bandung with realtime updates from volunteers during the rainy season.',
        techStack: ['React', 'Node.js', 'Socket.IO', 'MySQL'],
        year: '2022',
        repoUrl: 'https://github.com/rizkypratama/pantau-banjir',
      },
    ],
    qa: [
      {
        question: 'Do you take on small projects?',
        answer: 'Yes. Rizky is happy to take on small, well-defined jobs such as a landing page, an API integration or a performance audit, usually delivered within one or two weeks.',
        language: 'en',
      },
      {
        question: 'What are your rates?',
        answer: 'It depends on the scope. Rizky usually quotes per project after a short call; leave a message here with what you need and he will send an estimate.',
        language: 'en',
      },
      {
        question: 'Bisa kerja onsite di Jakarta?',
        answer: 'Bisa. Rizky berbasis di Bandung dan bersedia datang ke Jakarta untuk workshop atau kickoff; selebihnya ia bekerja remote.',
        language: 'id',
      },
      {
        question: 'Berapa lama biasanya membalas pesan?',
        answer: 'Biasanya dalam satu hari kerja. Tinggalkan pesan di chat ini dan Rizky akan membalas di sini.',
        language: 'id',
      },
    ],
  }),
);
