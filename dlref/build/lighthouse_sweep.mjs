// Lighthouse (performance only, its default mobile emulation) on many URLs through one running Chromium,
// as dlref.build.bench_lighthouse asks: {"port": N, "urls": [...], "runs": 5} on stdin; one JSON line per run
// on stdout. Rounds go over every URL in turn, so drift on a shared machine hits every page alike.
import lighthouse from "lighthouse";

const METRICS = {
  fcp: "first-contentful-paint", lcp: "largest-contentful-paint", tbt: "total-blocking-time",
  cls: "cumulative-layout-shift", si: "speed-index",
};

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { port, urls, runs } = JSON.parse(input);

for (let run = 1; run <= runs; run++) {
  for (const url of urls) {
    const line = { url, run, score: null };
    try {
      const result = await lighthouse(url, { port, onlyCategories: ["performance"], logLevel: "error", output: "json" });
      const lhr = result.lhr;
      line.score = lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100);
      line.metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
      // what holds the score back: the metrics' weighted losses, and the failing opportunities by saving
      line.losses = Object.fromEntries(lhr.categories.performance.auditRefs.filter((ref) => ref.weight > 0)
        .map((ref) => [ref.id, +(ref.weight * (1 - (lhr.audits[ref.id].score ?? 1))).toFixed(2)]));
      line.opportunities = Object.values(lhr.audits)
        .filter((a) => a.details?.type === "opportunity" && (a.details.overallSavingsMs ?? 0) > 0)
        .map((a) => [a.id, Math.round(a.details.overallSavingsMs)]);
      if (lhr.runtimeError) line.error = lhr.runtimeError.message;
    } catch (error) {
      line.error = String(error?.message ?? error);
    }
    process.stdout.write(JSON.stringify(line) + "\n");
  }
}
