/// Chooses a quote's speaker among its candidates with the trained model (`SpeakerModel`): the
/// candidate the model finds likeliest, with that likelihood as the confidence. When the rules found
/// no attribution and no candidate reaches `SpeakerModel.abstain`, the speaker stays unknown: a
/// quote under no name is better than one under the wrong name.
enum SpeakerRanker {
    static func choose(_ candidates: [SpeakerCandidate], ruleFound: Bool) -> (speaker: String, confidence: Double)? {
        var best: (speaker: String, confidence: Double)?
        for candidate in candidates {
            let p = SpeakerModel.trees.probability(candidate.features)
            if p > (best?.confidence ?? -1) { best = (candidate.name, p) }
        }
        guard let best, ruleFound || best.confidence >= SpeakerModel.abstain else { return nil }
        return best
    }
}
