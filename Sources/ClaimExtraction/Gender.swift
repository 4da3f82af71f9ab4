/// The grammatical gender "he" and "she" agree with.
enum Gender: Sendable {
    case male, female

    /// The gender of a pronoun ("he", "her"), if it has one.
    init?(pronoun: String) {
        switch Lexicon.pronouns[pronoun] {
        case "m": self = .male
        case "f": self = .female
        default: return nil
        }
    }
}

extension Gender {
    /// The gender role words before a name give ("Mr.", "Mrs.", "spokeswoman"), if any.
    init?(role words: Set<String>) {
        if !words.isDisjoint(with: Lexicon.femaleRoles) {
            self = .female
        } else if !words.isDisjoint(with: Lexicon.maleRoles) {
            self = .male
        } else {
            return nil
        }
    }
}

extension Person {
    /// What the article's words say of this person's gender: a role ("spokeswoman", "Mr.") or a first
    /// name borne almost only by one gender; nil when neither tells (then any pronoun may refer to them).
    var gender: Gender? {
        if isOrganisation { return nil }
        return Gender(role: descriptors) ?? firstNameGender
    }

    /// The gender of a first name borne almost only by one gender, when the name has one.
    var firstNameGender: Gender? {
        guard !isOrganisation, nameTokens.count >= 2, let first = nameTokens.first else { return nil }
        if Lexicon.maleFirstNames.contains(Substring(first)) { return .male }
        if Lexicon.femaleFirstNames.contains(Substring(first)) { return .female }
        return nil
    }
}

extension Lexicon {
    static func isFirstName(_ lower: String) -> Bool {
        maleFirstNames.contains(Substring(lower)) || femaleFirstNames.contains(Substring(lower))
    }

    static let maleRoles: Set<String> = [
        "mr", "mr.", "spokesman", "congressman", "chairman", "councilman", "businessman", "king", "prince",
        "father", "son", "husband", "brother", "uncle", "sir", "lord", "actor", "emir", "sheikh",
    ]
    static let femaleRoles: Set<String> = [
        "mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "congresswoman", "chairwoman", "councilwoman",
        "businesswoman", "queen", "princess", "mother", "daughter", "wife", "sister", "aunt", "lady", "dame", "actress",
    ]
}
