import Foundation

/// A score or a confidence as every output shows it (listings, reports, the desk, `extract`): two
/// decimal places.
public enum Decimals {
    public static func two(_ value: Double) -> String { String(format: "%.2f", value) }
}
