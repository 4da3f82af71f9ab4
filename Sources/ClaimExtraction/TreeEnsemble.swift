import Foundation

/// Gradient-boosted regression trees as scikit-learn's `GradientBoostingClassifier` (binary, log-loss)
/// stores them, flattened: node `k` splits on `feature[k]` at `threshold[k]` (a value compared as a
/// 32-bit float, as scikit-learn does, goes left when not above it) or is a leaf (`left[k] < 0`) with
/// `value[k]`. The probability is the logistic of `initial + rate × Σ leaf values`.
struct TreeEnsemble: Sendable {
    var initial: Double
    var rate: Double
    var roots: [Int]
    var feature: [Int]
    var threshold: [Double]
    var left: [Int]
    var right: [Int]
    var value: [Double]

    /// The raw score (log-odds) of one feature vector.
    func logit(_ x: [Double]) -> Double {
        var sum = 0.0
        for root in roots {
            var k = root
            while left[k] >= 0 { k = Double(Float(x[feature[k]])) <= threshold[k] ? left[k] : right[k] }
            sum += value[k]
        }
        return initial + rate * sum
    }

    func probability(_ x: [Double]) -> Double { 1 / (1 + exp(-logit(x))) }
}
