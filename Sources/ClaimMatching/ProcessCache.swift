import Foundation

/// Values remembered for the process, made once per key and shared by every thread: the stems of
/// words and the terms of indexed texts, which come round search after search. Bounded: emptied
/// when it holds `capacity` keys. The value is made outside the lock (two threads may both make a
/// missing one; they make the same).
final class ProcessCache<Key: Hashable, Value>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: Key, make: (Key) -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let made = make(key)
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}
