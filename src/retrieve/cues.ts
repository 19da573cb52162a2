import type { AnswerKind } from "../question/types.js";
import type { SentenceView } from "./views.js";

/**
 * Cues that a text holds the kind of answer a question asks for: general English and Chinese
 * markers of shares, causes, means and names. The kinds mirror {@link AnswerKind}.
 */
const PERCENT = /%|％|\bper ?cent\b|\bpercentage\b|百分|成/iu;
const CAUSE =
  /\b(?:because|since|due to|owing to|as a result|results? from|resulted from|thanks to|in order to|so that|therefore|thus|hence|reasons?|caused|causes|led to|leads? to|attribut\w+|driven by|motivated|aim(?:ed)? (?:at|to))\b|因為|因为|由於|由于|所以|因此|原因|導致|导致|使得|為了|为了|目的/iu;
const MEANS =
  /\b(?:by|through|via|using|used|with the help of|in the form of|established|set up|introduced|adopted|policy|policies|measures?)\b|透過|通過|通过|藉由|借由|利用|採取|采取|政策|措施/iu;
const MONTH =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\d{1,2}\s*月/iu;
const CAPITALISED_RUN = /(?<![.!?]\s)(?<!^)\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu;

/** What a sentence offers each kind of question, whatever the question (worked out once per sentence). */
interface SentenceCues {
  percent: boolean;
  cause: boolean;
  means: boolean;
  month: boolean;
  /** Runs of capitalised words, lower-cased. */
  names: string[];
}

const cuesOf = new WeakMap<SentenceView, SentenceCues>();

function sentenceCues(s: SentenceView): SentenceCues {
  let cues = cuesOf.get(s);
  if (!cues) {
    cues = {
      // A table row states shares when its caption or headings say it is in percent.
      percent:
        PERCENT.test(s.text) ||
        (s.context !== undefined && /%|％|percent|比例|比重/u.test(s.context.folded)),
      cause: CAUSE.test(s.text),
      means: MEANS.test(s.text),
      month: MONTH.test(s.text),
      names: [...s.text.matchAll(CAPITALISED_RUN)].map((m) => m[0].toLowerCase()),
    };
    cuesOf.set(s, cues);
  }
  return cues;
}

/** Whether a sentence holds what the question asks for, beyond what the question already says. */
export function kindCue(
  kind: AnswerKind,
  s: SentenceView,
  question: { numbers: readonly string[]; years: readonly string[]; folded: string },
): boolean {
  const newFigure = () =>
    s.figures.some((f) => !question.numbers.includes(f) && !s.years.includes(f));
  switch (kind) {
    case "quantity":
      return newFigure();
    case "share":
      return newFigure() && sentenceCues(s).percent;
    case "date":
      return s.years.some((y) => !question.years.includes(y)) || sentenceCues(s).month;
    case "reason":
      return sentenceCues(s).cause;
    case "manner":
      return sentenceCues(s).means;
    case "person":
    case "place":
    case "name":
      return sentenceCues(s).names.some((name) => !question.folded.includes(name));
    default:
      return false;
  }
}
