/// Word lists the rules use. Lowercase.
enum Lexicon {
    /// Verbs (any form) that introduce or attribute speech: the hand-made list and the verbs
    /// learned from annotated news (`LearnedCues.swift`, made by `tools/learn_cues.py`).
    static let speechVerbs: Set<String> = handSpeechVerbs.union(learnedSpeechVerbs)
    static let handSpeechVerbs: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
        "asked", "asks", "asking", "explained", "explains", "explaining", "noted", "notes", "noting",
        "stated", "states", "wrote", "writes", "writing", "declared", "declares", "announced", "announces",
        "argued", "argues", "arguing", "insisted", "insists", "claimed", "claims", "acknowledged", "acknowledges",
        "admitted", "admits", "warned", "warns", "warning", "recalled", "recalls", "recalling", "continued",
        "continues", "replied", "replies", "responded", "responds", "answered", "commented", "emphasized",
        "emphasised", "stressed", "suggested", "suggests", "conceded", "joked", "jokes", "quipped", "tweeted",
        "posted", "testified", "reported", "reports", "predicted", "calling", "called", "described", "describes",
        "describing", "thanked", "urged", "urges", "vowed", "promised", "pledged", "assured", "boasted",
        "complained", "lamented", "observed", "remarked", "shouted", "whispered", "yelled", "cried", "exclaimed",
        "shouting", "yelling", "screamed", "screaming",
        "concluded", "mused", "recounted", "confirmed", "denied", "agreed", "disagreed", "countered", "retorted",
        "protested", "estimated", "indicated", "maintained", "reiterated", "repeated", "summed", "texted", "emailed",
        "messaged", "demanded", "proclaimed", "shared", "cautioned", "affirmed", "alleged",
        "criticized", "criticised", "praised", "questioned", "believes", "believed", "thinks", "thought",
        "wondered", "hoped", "feared", "pointed", "expressed", "according", "quoted", "begged", "pleaded",
        "implored", "written", "recommended", "advised", "instructed", "ordered", "blasted", "slammed", "scoffed",
        "sighed", "laughed", "smiled", "offered", "introduced", "remembered", "comments", "chimed", "weighed",
        "marveled", "chanted",
        // The present of past forms above that are never nouns (`agrees Michelle Stevens`; not
        // "tweets", "protests" or "recounts", which are as often things).
        "agrees", "disagrees", "confirms", "denies", "concludes", "indicates", "maintains", "reiterates", "affirms",
        "alleges", "observes", "predicts", "testifies", "concedes", "emphasizes", "emphasises", "assures",
        "recommends", "advises", "proclaims", "complains",
    ]
    /// Cues that report what a publication relayed.
    static let relayVerbs: Set<String> = ["wrote", "writes", "reported", "reports", "quoted", "published", "cited"]
    /// Verbs after which a name is the speaker ("says Buser"); after "told" it is the listener.
    static let invertingVerbs: Set<String> = [
        "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "continued", "recalled",
    ]
    /// The verbs that put their speaker after them when a comma ends what was said (`…, warned Smith.`).
    static let invertingAfterComma = invertingVerbs.union([
        "explains", "notes", "argued", "argues", "warned", "warns", "insisted", "insists", "observed", "concluded",
        "acknowledged", "admitted", "stated", "declared", "remarked", "replied", "responded", "countered",
        "cautioned", "agreed", "agrees",
    ])
    /// The articles that make a description someone new ("a spokesman", "another official", "one aide").
    static let indefinites: Set<String> = ["a", "an", "another", "one"]
    /// The words a description is shown without ("the report", "one aide").
    static let articles = indefinites.union(["the", "this", "that"])
    /// Words before a noun: a speech word after one is a noun ("the claims", "his remarks").
    static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "whose",
    ]
    /// Auxiliaries and adverbs between a speaker and the speech verb.
    static let skippable: Set<String> = [
        "also", "then", "later", "again", "once", "has", "have", "had", "was", "were", "is", "are", "will",
        "would", "could", "did", "does", "do", "not", "never", "recently", "previously", "earlier", "further",
        "quickly", "simply", "openly", "publicly", "repeatedly", "just", "only", "even", "still", "already",
        "reportedly", "allegedly", "bluntly", "flatly", "firmly", "angrily", "proudly", "told", "as", "now",
        "twice", "thrice", "since",
    ]
    /// A pronoun without its contraction: "he’d" → "he", "she's" → "she".
    static func pronounStem(_ word: String) -> String {
        // Only a word with an apostrophe can be a contraction (most words have none: one byte scan).
        guard word.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }) else { return word }
        for suffix in [
            "\u{2019}d", "'d", "\u{2019}s", "'s", "\u{2019}ll", "'ll", "\u{2019}ve", "'ve", "\u{2019}re", "'re",
        ]
        where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            return pronouns[stem] != nil || ["i", "we"].contains(stem) ? stem : word
        }
        return word
    }
    static let pronouns: [String: String] = [
        "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
    ]
    /// Words that name a role; in "Russian President Vladimir Putin" the name follows the last one.
    static let titles: Set<String> = [
        "president", "minister", "prime", "secretary", "senator", "sen", "sen.", "rep", "rep.", "representative",
        "sens", "sens.", "reps", "reps.", "govs", "govs.", "adm", "adm.", "admiral", "del", "del.", "delegate",
        "gov", "gov.", "governor", "chancellor", "ambassador", "coach", "director", "ceo", "cfo", "coo", "chief",
        "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "dictator", "leader",
        "mayor", "judge", "justice", "general", "gen", "gen.", "colonel", "col", "dr", "dr.", "mr", "mr.", "mrs",
        "mrs.", "ms", "ms.", "prof", "professor", "king", "queen", "pope", "analyst", "officer", "executive",
        "founder", "co-founder", "head", "manager", "defenseman", "winger", "center", "goaltender", "goalie",
        "captain", "attorney", "lawyer", "economist", "researcher", "scientist", "editor", "reporter",
        "correspondent", "commissioner", "deputy", "vice", "envoy", "diplomat", "official", "adviser", "advisor",
        "strategist", "partner", "owner", "publisher", "host", "anchor", "singer", "actor", "actress", "star",
        "guitarist", "drummer", "player", "forward", "quarterback", "pitcher", "doctor", "nurse", "sheriff",
        "detective", "lieutenant", "sergeant", "sgt", "lt", "capt", "agent", "investigator", "prosecutor",
        "senior", "speaker", "whip", "lawmaker", "congressman", "congresswoman", "councilman", "councilwoman",
        "trustee", "superintendent", "principal", "dean", "provost", "student", "teacher", "developer", "designer",
        "engineer", "physician", "surgeon", "psychiatrist", "psychologist", "epidemiologist", "author", "writer",
        "producer", "filmmaker", "comedian", "judges", "administrator", "negotiator", "commander", "activist",
        "candidate", "nominee", "rival", "pollster", "consultant", "speechwriter", "counsel",
        "expert", "historian", "columnist", "novelist", "artist", "musician", "rapper", "entrepreneur", "investor",
        "banker", "pilot", "veteran", "witness", "resident", "secretary-general", "chairperson", "organizer",
        "organiser", "republican", "democrat", "president-elect", "governor-elect", "mp", "legislator", "senator-elect",
        "premier", "emir", "sheikh", "prince", "princess", "general-secretary",
    ]
    /// Heads of descriptions that stand for the article's main figure ("the Kremlin leader").
    static let leaderHeads: Set<String> = [
        "president", "leader", "dictator", "head", "chief", "premier", "autocrat", "strongman",
    ]
    /// Nouns for documents that can "say" something.
    static let documentNouns: Set<String> = [
        "statement", "document", "declaration", "report", "letter", "communique", "communiqué", "memo",
        "resolution", "ruling", "filing", "study", "survey", "complaint", "indictment", "lawsuit", "order",
        "release", "transcript", "agreement", "treaty", "decree", "bill", "analysis", "paper", "post", "tweet",
    ]
    /// Words that start a sentence without being a name.
    static let functionWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by", "with", "of",
        "after", "before", "during", "despite", "according", "as", "but", "and", "or", "so", "if", "when",
        "while", "although", "though", "however", "meanwhile", "also", "it", "its", "there", "here", "then",
        "now", "today", "yesterday", "last", "next", "earlier", "later", "since", "until", "because", "what",
        "who", "why", "how", "where", "which", "we", "our", "i", "my", "you", "your", "he", "she", "they",
        "his", "her", "their", "one", "some", "many", "most", "all", "both", "each", "every", "no", "not",
        "to", "into", "about", "over", "under", "against", "between", "among", "through", "without", "within",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "mr", "mrs", "ms", "dr", "such", "other", "another", "only", "even", "just", "still", "yet", "again",
        "like", "unlike", "instead", "indeed", "moreover", "furthermore", "besides", "finally", "first",
        "second", "third", "once", "perhaps", "maybe", "yes", "please", "thanks", "read", "related",
        // Prepositions and contractions that open a sentence ("Amid responses from some, …", "I'm old enough").
        "amid", "amidst", "following", "throughout", "toward", "towards", "upon", "regarding", "beyond", "unless",
        "whether", "neither", "either", "nor", "i'm", "i\u{2019}m", "i've", "i\u{2019}ve", "i'd", "i\u{2019}d", "i'll",
        "i\u{2019}ll",
    ]
    /// Whether a lowercased word is an organisation word, also as a token that kept an abbreviation's
    /// period ("corp." of "Acme Corp.").
    static func isOrganisationWord(_ lower: String) -> Bool { organisationWords.contains(withoutPeriod(lower)) }

    /// A word without the abbreviation's period a token keeps ("corp." → "corp").
    static func withoutPeriod(_ lower: String) -> String { lower.endsWithBytes(".") ? lower.droppingBytes(1) : lower }

    /// Words that make a name a business's by its trade ("Acme Steelworks", "Delta Energy", "Pfizer
    /// Pharmaceuticals"): none of them a common surname (not "Steel", "Power", "Banks").
    static let tradeNameWords: Set<String> = [
        "oil", "gas", "energy", "electric", "petroleum", "pharmaceuticals", "pharma", "therapeutics", "biotech",
        "airways", "systems", "communications", "telecom", "software", "semiconductor", "semiconductors",
        "foods", "mining", "chemicals", "insurance", "financial", "capital", "partners", "entertainment",
        "studios", "pictures", "brands", "stores", "automotive", "logistics", "resources", "enterprises",
        "ventures", "solutions", "laboratories", "steelworks", "mills", "utilities", "railways", "railroad",
    ]

    /// Organisation words: a name holding one is an organisation, not a person.
    static let organisationWords: Set<String> = tradeNameWords.union([
        "party", "union", "times", "post", "news", "center", "centre", "company", "inc", "corp", "co", "llc", "plc",
        "ltd", "industries", "holdings", "department",
        "ministry", "house", "council", "committee", "university", "college", "school", "institute", "bank",
        "agency", "office", "court", "congress", "senate", "parliament", "government", "association", "league",
        "group", "foundation", "press", "journal", "tribune", "herald", "network", "club", "team", "service",
        "administration", "commission", "board", "federation", "organization", "organisation", "program",
        "programme", "fund", "reserve", "force", "army", "navy", "police", "church", "hospital", "airlines",
        "motors", "technologies", "labs", "media", "magazine", "channel", "radio", "television", "tv", "today",
        "street", "kremlin", "pentagon", "assembly", "productions", "san", "los", "las", "francisco", "angeles",
        "vegas", "diego", "jose", "valley", "island", "islands", "coast", "beach", "bay", "mountain", "park",
        "airport", "square", "avenue", "road", "bridge", "province", "region", "district", "state", "states",
        "republic", "kingdom", "nations", "sea", "ocean", "authority", "bureau", "regulator", "directorate",
        "inspectorate", "corporation", "conglomerate", "coalition", "alliance",
        "river", "city", "county", "korea", "china", "russia", "ukraine", "vietnam", "america", "europe", "asia",
        "africa", "york", "washington", "moscow", "beijing", "kiev", "kyiv", "hanoi", "london", "paris",
    ])
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    ]
    /// Abbreviated titles and the word a later description uses ("Gov. X" … "the governor").
    static let titleAbbreviations: [String: String] = [
        "gov.": "governor", "gov": "governor", "sen.": "senator", "sen": "senator", "rep.": "representative",
        "rep": "representative", "gen.": "general", "supt.": "superintendent", "sec.": "secretary",
        "pres.": "president",
        "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "atty.": "attorney", "prof.": "professor",
    ]
    /// Words that, alone, are never a speaker ("Absolutely," he said; "Another" sign read).
    static let notSpeakers: Set<String> = [
        "absolutely", "yes", "no", "another", "none", "neither", "often", "also", "meanwhile",
        "instead", "however", "still", "kicking", "asked", "nope", "sure", "okay", "well", "indeed", "now", "then",
        "while", "when", "although", "though", "because", "unless", "whether",
    ]
    /// Plural nouns for people who speak as a group ("officials said").
    static let groupNouns: Set<String> = [
        "officials", "analysts", "experts", "critics", "residents", "lawmakers", "legislators", "sources", "people",
        "supporters", "voters", "protesters", "witnesses", "researchers", "scientists", "economists", "authorities",
        "investigators", "prosecutors", "diplomats", "aides", "advisers", "advisors", "staffers", "democrats",
        "republicans", "activists", "organizers", "organisers", "leaders", "members", "observers", "strategists",
        "opponents", "allies", "doctors", "police", "troops", "soldiers", "workers", "farmers", "parents", "students",
        "teachers", "executives", "insiders", "spokespeople", "representatives", "delegates", "candidates", "rivals",
        "pollsters", "historians", "scholars", "lawyers", "attorneys", "judges", "commentators", "bloggers", "fans",
        "customers", "users", "readers", "viewers", "participants", "respondents", "americans", "citizens", "locals",
        "employees", "advocates", "regulators", "patients", "victims", "friends", "neighbors", "neighbours",
        "owners", "relatives", "survivors", "unions", "groups", "companies", "agencies", "firms", "governments",
        "ministries", "parties", "campaigns", "officers", "organizations", "organisations", "department", "office",
        "men", "women", "children", "family", "families", "man", "woman", "person", "child", "kids", "boys", "girls",
        "teenagers", "commenters", "callers", "listeners", "mothers", "fathers", "veterans", "retirees", "shoppers",
        "drivers", "passengers", "attendees", "demonstrators", "spectators", "onlookers", "bystanders", "nurses",
        "reporters", "journalists",
    ]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let ordinals: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "once", "twice",
    ]
    static let countWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen",
        "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
        "trillion", "half", "percent", "per", "several", "number", "majority", "minority", "double", "triple",
        "doubled", "tripled", "quarter", "third", "fraction",
    ]
    static let superlatives: Set<String> = [
        "most", "largest", "biggest", "highest", "lowest", "smallest", "main", "top", "leading", "best", "worst",
        "record", "fastest", "slowest", "oldest", "youngest", "greatest", "least", "longest", "shortest",
        "richest", "poorest", "first", "last", "only", "more", "less", "fewer", "majority", "primary",
        "strongest", "weakest", "deadliest", "major", "key", "rank", "ranks", "ranked", "bottom",
    ]
    static let timeWords: Set<String> = [
        "year", "years", "decade", "decades", "century", "since", "ago", "yesterday", "today", "tomorrow",
        "week", "weeks", "month", "months", "morning", "evening", "night", "annual", "annually", "daily",
        "quarter", "season", "recently", "earlier", "previously", "former", "formerly",
    ]
    /// Past forms that do not end in -ed.
    static let irregularPast: Set<String> = [
        "went", "took", "gave", "given", "made", "came", "found", "saw", "seen", "got", "put", "ran", "began", "begun",
        "brought", "bought", "held", "kept", "left", "lost", "met", "paid", "sent", "sold", "spent", "stood", "won",
        "wrote", "written", "grew", "grown", "fell", "fallen", "rose", "risen", "drove", "struck", "threw", "thrown",
        "led", "hit", "cut", "shut", "quit", "built", "broke", "broken", "chose", "chosen", "taken", "done", "did",
        "flew", "fought", "caught", "taught", "sought", "told", "became", "beat", "beaten", "swore", "sworn",
    ]
    /// Words ending in -ed that are not past forms.
    static let notPastForms: Set<String> = [
        "indeed", "hundred", "speed", "breed", "freed", "greed", "proceed", "succeed", "exceed",
        "needed", "based", "related", "concerned", "interested", "supposed", "used", "united", "limited", "advanced",
        "detailed", "experienced", "skilled", "talented", "beloved", "wicked", "naked", "sacred", "rugged", "crooked",
    ]
    /// Verbs that report a checkable event.
    static let eventVerbs: Set<String> = [
        "signed", "met", "visited", "arrived", "completed", "won", "lost", "killed", "died", "approved", "passed",
        "launched", "rose", "fell", "increased", "decreased", "grew", "declined", "plummeted", "soared", "dropped",
        "doubled", "tripled", "elected", "appointed", "resigned", "fired", "hired", "arrested", "charged",
        "convicted", "sentenced", "sued", "banned", "voted", "bought", "sold", "acquired", "merged", "invested",
        "spent", "raised", "paid", "cost", "costs", "earned", "owns", "operates", "operated", "founded", "built",
        "released", "scored", "beat", "defeated", "joined", "left", "accounted", "accounting", "affected", "went",
        "held", "offered", "offering", "sought", "strengthened", "established", "agreed",
        "became", "remains", "remained", "reached", "hit", "topped",
        "exceeded", "recorded", "reported", "confirmed", "found", "showed", "shows", "estimated", "ranked",
        "ratified", "imposed", "lifted", "announced", "unveiled", "introduced", "filed", "issued",
        "diagnosed", "treated", "tested", "infected", "hospitalized", "injured", "destroyed", "attacked",
    ]
    /// Markers of opinion, speculation or advice: lower check-worthiness.
    static let opinionMarkers: Set<String> = [
        "should", "could", "might", "may", "must", "perhaps", "maybe", "probably", "possibly", "believe",
        "believes", "think", "thinks", "feel", "feels", "opinion", "seems", "seem", "appears", "reluctant",
        "hope", "hopes", "wish", "likely", "unlikely", "suspicious", "noteworthy", "interesting", "beautiful",
        "wonderful", "terrible", "awful", "amazing", "great", "love", "hate", "want", "wants",
    ]
    /// Lines after which the rest of the article is navigation, not text.
    static let tailMarkers: [String] = [
        "related to the topic", "other news", "read also", "read more", "related articles", "related stories",
        "related:", "more from", "you may also like", "recommended", "most popular", "trending now",
        "more stories", "see also", "also read", "related coverage", "what to read next",
    ]
    /// Phrases that make a line boilerplate wherever it is.
    static let boilerplate: [String] = [
        "subscribe", "sign up", "newsletter", "telegram channel", "follow us", "all rights reserved", "©",
        "click here", "copyright", "share this", "advertisement", "do not fall for fakes", "download our app",
        "contact us", "terms of use", "privacy policy", "cookie", "email us", "read the full", "watch:",
        "listen:", "photo:", "image:", "getty images", "(ap photo", "/ap photo", "reuters/", "editor's note",
        "editor’s note", "this story was updated", "this article was updated", "this graphic", "originally published",
        "pic.twitter.com", "fox news flash", "check out what", "disclaimer:",
        // Credit and correction lines (`(Reporting by …; Editing by …)`, `X contributed reporting.`,
        // `This article has been updated to include …`, `Correction: An earlier version of this story …`).
        "(reporting by", "additional reporting by", "; editing by", "contributed reporting",
        "contributed to this report",
        "this article has been updated", "this story has been updated", "this article has been revised",
        "this story has been revised", "this article has been corrected", "this story has been corrected",
        "an earlier version of this article", "an earlier version of this story",
    ]
}

extension Lexicon {
    static let otherCues: Set<String> = [
        "according", "rule", "ruled", "pointed", "per", "shot", "fired", "hit", "snapped", "words",
    ]
    static let claimCues: Set<String> = [
        "accused", "accuses", "cited", "cites", "alleges", "alleged", "denies", "maintains",
    ]
}
