import Testing

extension Trait where Self == ConditionTrait {
    /// A test of the SQLite file itself (tampering with it, its schema, its locks, its files): run
    /// once, on SQLite, not again under `CLAIMLEDGER_TEST_ENGINE=postgres`.
    public static var onTheSQLiteFile: Self {
        .enabled(if: TestEngine.current == .sqlite, "works on the SQLite file itself")
    }
}
