/// How a number is written in JSON, by the payload writer (hashed bytes) and by every output: an
/// integral value under 10^15 without a fraction, anything else as Swift's shortest round-trip form.
public enum JSONNumber {
    public static func text(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
