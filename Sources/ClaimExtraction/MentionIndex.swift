/// The mentions of every entity the article names, in one list ordered by offset (of mentions at
/// the same offset, the entity named first comes last, so a backward walk meets it first).
struct MentionIndex {
    /// How many mentions one question walks back through at most.
    static let searched = 4_096

    private(set) var entries: [(offset: Int, person: Int)] = []

    init() {}

    init(_ people: [Person], _ list: KeyPath<Person, [Int]>) {
        for (k, person) in people.enumerated() {
            for offset in person[keyPath: list] { entries.append((offset, k)) }
        }
        entries.sort { Self.before($0, $1) }
    }

    static func before(_ a: (offset: Int, person: Int), _ b: (offset: Int, person: Int)) -> Bool {
        a.offset != b.offset ? a.offset < b.offset : a.person > b.person
    }

    /// The first position whose entry does not come before `entry`.
    private func position(of entry: (offset: Int, person: Int)) -> Int {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.before(entries[mid], entry) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insert(offset: Int, person: Int) {
        entries.insert((offset, person), at: position(of: (offset, person)))
    }

    /// The latest mention before `offset` whose entity `accept` takes.
    func latest(before offset: Int, accept: (Int) -> Bool) -> (offset: Int, person: Int)? {
        var i = position(of: (offset, Int.max)) - 1
        var steps = 0
        while i >= 0, steps < Self.searched {
            if accept(entries[i].person) { return entries[i] }
            i -= 1
            steps += 1
        }
        return nil
    }
}
