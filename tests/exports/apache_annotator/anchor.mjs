// Re-anchor W3C selectors in a text with Apache Annotator, the ASF's implementation of the
// Web Annotation selectors (@apache-annotator/selector, from npm). Reads {text, selectors}
// (each a [TextQuoteSelector, TextPositionSelector] pair) from the JSON file named first, and
// writes, for each pair, every range each selector matches, as UTF-16 indices into the text.
import { readFileSync } from "node:fs";
import {
  textPositionSelectorMatcher,
  textQuoteSelectorMatcher,
} from "@apache-annotator/selector";

// The whole text as one chunk: all a chunker must give the matchers.
class Whole {
  constructor(text) {
    this.currentChunk = { data: text };
  }
  nextChunk() {
    return null;
  }
  previousChunk() {
    return null;
  }
  precedesCurrentChunk() {
    return false;
  }
}

async function ranges(matcher, text) {
  const found = [];
  for await (const range of matcher(new Whole(text))) {
    found.push([range.startIndex, range.endIndex]);
  }
  return found;
}

const { text, selectors } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = [];
for (const [quote, position] of selectors) {
  results.push({
    quote: await ranges(textQuoteSelectorMatcher(quote), text),
    position: await ranges(textPositionSelectorMatcher(position), text),
  });
}
process.stdout.write(JSON.stringify(results));
