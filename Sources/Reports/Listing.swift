/// The one output layer of every listing (`list`, `log`): a table for people, or a JSON array,
/// NDJSON or CSV for scripts, streamed row by row in constant memory. A listing says how one item
/// looks in each format; this writes the framing.
public struct Listing<Item> {
    /// How one item looks in each format.
    public struct Columns {
        public var tableHeader: String
        public var tableRow: (Item) -> String
        public var json: (Item) -> JSONValue
        public var csvHeader: [String]
        public var csvRow: (Item) -> [String?]
        /// What a table says when nothing matched.
        public var empty: String
    }

    public let format: ListingFormat
    private let columns: Columns
    private var items: JSONItems
    private var count = 0

    public init(format: ListingFormat, columns: Columns) {
        self.format = format
        self.columns = columns
        items = JSONItems(format == .ndjson ? .lines : .array(indent: "  "))
    }

    /// What goes before the first item.
    public func header() -> String {
        switch format {
        case .table: return columns.tableHeader
        case .json, .ndjson: return items.opening
        case .csv: return CSV.row(columns.csvHeader)
        }
    }

    /// One item.
    public mutating func row(_ item: Item) -> String {
        defer { count += 1 }
        switch format {
        case .table: return columns.tableRow(item)
        case .json, .ndjson: return items.item(columns.json(item))
        case .csv: return CSV.row(columns.csvRow(item))
        }
    }

    /// A whole listing of items already in memory: header, every row, footer (a listing that
    /// streams writes the three parts itself).
    public mutating func render(_ items: some Sequence<Item>) -> String {
        var text = header()
        for item in items { text += row(item) }
        return text + footer()
    }

    /// What goes after the last item.
    public func footer() -> String {
        switch format {
        case .table: return count == 0 ? columns.empty : ""
        case .json: return items.closing + "\n"
        case .ndjson, .csv: return ""
        }
    }
}
