// The claims that `seed:ID` sources cite: the English digest (data/seed/digest.md) parsed into
// one entry per claim, each with the sentences of the Hindi article it comes from
// (data/seed/claims.hi.json). Built into a lazy file of its own: only `sources` reads it.
import digest from '../../data/seed/digest.md';
import hindi from '../../data/seed/claims.hi.json' with { type: 'json' };
/** The tools the source article (and so its digest's sections) is about. */
const ARTICLE_TOOLS = ['airflow', 'metaflow', 'kubeflow', 'mlflow'] as const;

export type ClaimTopic = (typeof ARTICLE_TOOLS)[number] | 'general';

export interface DigestClaim {
  /** `ML-7`. */
  id: string;
  /** The tool of the digest section the claim stands in, or `general`. */
  topic: ClaimTopic;
  /** The digest's English text, on one line. */
  text: string;
}

export interface Claim extends DigestClaim {
  /** `seed:ML-7`, as the catalog cites it. */
  ref: string;
  original: { language: string; sentences: string[] };
}

export interface Article {
  file: string;
  language: string;
  title: string;
  titleEnglish: string;
  author: string | null;
  date: string | null;
}

/** The claims of a digest in the format of data/seed/digest.md, in their order. */
export function parseDigest(markdown: string): DigestClaim[] {
  const out: DigestClaim[] = [];
  let topic: ClaimTopic = 'general';
  let current: DigestClaim | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^## (.*)/.exec(line);
    const item = /^- ([A-Z]+-\d+) (.*)/.exec(line);
    if (heading) {
      const title = heading[1]!.toLowerCase();
      topic = ARTICLE_TOOLS.find((t) => title.includes(t)) ?? 'general';
      current = undefined;
    } else if (item) {
      current = { id: item[1]!, topic, text: item[2]!.trim() };
      out.push(current);
    } else if (current && /^\s+\S/.test(line)) {
      current.text += ' ' + line.trim();
    } else {
      current = undefined;
    }
  }
  return out;
}

export const article: Article = hindi.article;

let cached: Claim[] | undefined;

/** Every claim of the shipped digest, with its Hindi original. */
export function seedClaims(): Claim[] {
  const sentences: Record<string, string[]> = hindi.sentences;
  cached ??= parseDigest(digest).map((c) => ({
    id: c.id,
    ref: `seed:${c.id}`,
    topic: c.topic,
    text: c.text,
    original: { language: article.language, sentences: sentences[c.id] ?? [] },
  }));
  return cached;
}
