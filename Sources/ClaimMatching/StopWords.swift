/// Words too common to say two claims are alike: left out of searches (the index keeps them).
public enum StopWords {
    public static func contains(_ word: String) -> Bool { words.contains(word) }

    static let words: Set<String> = Set(
        """
        a an the and or but nor of to in on at for with by from as into onto over under about after before \
        since until during than then so if is are was were be been being am it its itself this that these \
        those there here i me my mine you your yours he him his she her hers we us our ours they them their \
        theirs who whom whose which what when where why how all any some each both either neither such \
        not no do does did doing done has have had having will would shall should can could may might must \
        just also very too more most much many s t via says said say says according rt amp
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
