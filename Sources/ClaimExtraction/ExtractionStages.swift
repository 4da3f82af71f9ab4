/// The stages of extraction, in the order they run, for the benchmark's per-stage costs.
public enum ExtractionStage: String, CaseIterable, Sendable {
    case normalise = "normalise text (NFC, invisible characters)"
    case layout = "layout: blocks, sentences, tokens, headings"
    case quoteMarks = "quotation marks paired"
    case people = "people, organisations, documents, acronyms"
    case attribution = "quotes attributed (cues, speakers, relays)"
    case speakers = "speakers chosen among candidates (trained ranker)"
    case claims = "claims scored and attributed"
    case finish = "offsets mapped back, organisation flags"
}

extension ClaimExtractor {
    /// Extracts every text once and returns the seconds spent in each stage, summed over the texts.
    /// The same code path as `extract`; the clock is read between stages only.
    public func stageSeconds(_ texts: [String]) -> [ExtractionStage: Double] {
        var totals: [ExtractionStage: Double] = [:]
        let clock = ContinuousClock()
        for text in texts {
            var mark = clock.now
            func lap(_ stage: ExtractionStage) {
                let now = clock.now
                let d = now - mark
                totals[stage, default: 0] += d / .seconds(1)
                mark = now
            }
            _ = extract(text, outlet: nil, lap: lap)
            lap(.finish)
        }
        return totals
    }
}
