/// A read-only map from words to values, hashed over their UTF-8 bytes with FNV-1a.
///
/// Every token of every article is looked up once by its text; `Dictionary<String, _>` hashes
/// with seeded SipHash and was about a tenth of extraction's time (`perf`: `Hasher`, `find`).
/// Open addressing over a power-of-two table, at most half full. A slot holds its key, its value
/// and the hash's high bits together: a lookup costs one memory read where three arrays cost
/// three (`perf annotate`: the lookup waits on memory, not on hashing).
struct ByteKeyedTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: String
        var value: Value
        /// 0 when empty, else the hash's high 32 bits with the lowest bit set.
        var tag: UInt32
    }
    private let slots: [Slot]
    private let mask: Int

    init(_ entries: [String: Value]) {
        // An empty slot keeps one of the values (never returned); no entries, no slots.
        guard let some = entries.first?.value else {
            slots = []
            mask = 0
            return
        }
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        let filler = Slot(key: "", value: some, tag: 0)
        var slots = [Slot](repeating: filler, count: capacity)
        for (key, value) in entries {
            let hash = Self.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot].tag != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(key: key, value: value, tag: Self.tag(hash))
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    /// Every entry, in no set order.
    var entries: some Sequence<(key: String, value: Value)> {
        slots.lazy.filter { $0.tag != 0 }.map { (key: $0.key, value: $0.value) }
    }

    subscript(_ key: String) -> Value? {
        find(Self.hash(key)) { $0 == key }
    }

    /// The value of a word-piece continuation (`##` then `bytes`) or, without it, of `bytes`
    /// alone: looked up on the bytes, with no `String` made.
    func value(ofBytes bytes: ArraySlice<UInt8>, continuation: Bool) -> Value? {
        let seed = continuation ? Self.continuationState : Self.offsetBasis
        let extra = continuation ? 2 : 0
        return find(Self.fold(Self.fnv(bytes, from: seed))) { key in
            let utf8 = key.utf8
            return utf8.count == bytes.count + extra && utf8.dropFirst(extra).elementsEqual(bytes)
        }
    }

    @inline(__always)
    private func find(_ hash: UInt64, _ matches: (String) -> Bool) -> Value? {
        guard !slots.isEmpty else { return nil }
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.tag == 0 { return nil }
            if entry.tag == tag, matches(entry.key) { return entry.value }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) | 1 }

    private static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    /// FNV's state after `##`, a continuation piece's mark.
    private static var continuationState: UInt64 { fnv([0x23, 0x23], from: offsetBasis) }

    @inline(__always)
    static func hash(_ key: String) -> UInt64 { fold(fnv(key.utf8, from: offsetBasis)) }

    @inline(__always)
    private static func fnv(_ bytes: some Sequence<UInt8>, from state: UInt64) -> UInt64 {
        var h = state
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    /// FNV's low bits mix poorly for short keys: the high half is folded in before masking.
    @inline(__always)
    private static func fold(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }
}
