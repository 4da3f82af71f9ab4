/// The article's sentences as the extractor reads them, for everyone who shows or counts sentences
/// (`show --context`, the segmentation check against CoreNLP): one segmenter for the whole tool.
public enum SentenceRanges {
    /// Each sentence of `text`, in order, as a range of Unicode code point offsets into `text`
    /// (each line is a paragraph; a sentence never spans two lines).
    public static func of(_ text: String) -> [Range<Int>] {
        of(scalars: scalarsOf(text))
    }

    /// The same, for text already read as code points.
    public static func of(scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let view = NormalisedText(scalars)
        return Segmenter.blocks(view.scalars).flatMap { block in
            Segmenter.sentences(view.scalars, in: block).map { view.originalRange($0.range) }
        }
    }
}
